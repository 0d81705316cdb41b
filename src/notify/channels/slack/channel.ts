import type { ChannelAdapter } from '../adapter.js';
import { renderSlack } from './render.js';
import { renderSlackAlert } from './render-alert.js';
import { slackProtocol } from './responses.js';

/** Everything pyhabot needs to send to a Slack incoming webhook. */
export const slackChannel: ChannelAdapter<'slack'> = {
  render: renderSlack,
  renderAlert: renderSlackAlert,
  protocol: slackProtocol,
  signsBodies: false,
};
