import type { ChannelAdapter } from '../adapter.js';
import { renderJson } from './render.js';
import { jsonProtocol } from './responses.js';

/** Everything pyhabot needs to send to a generic JSON webhook. */
export const jsonChannel: ChannelAdapter<'json'> = {
  render: renderJson,
  protocol: jsonProtocol,
  signsBodies: true,
};
