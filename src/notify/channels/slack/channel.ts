import type { ChannelAdapter } from '../adapter.js';
import { renderSlack } from './render.js';
import { slackProtocol } from './responses.js';

/** Everything pyhabot needs to send to a Slack incoming webhook. */
export const slackChannel: ChannelAdapter<'slack'> = {
  render: renderSlack,
  protocol: slackProtocol,
  signsBodies: false,
};
