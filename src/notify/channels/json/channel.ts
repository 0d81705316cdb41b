import type { ChannelAdapter } from '../adapter.js';
import { renderJson } from './render.js';
import { renderJsonAlert } from './render-alert.js';
import { jsonProtocol } from './responses.js';

/** Everything pyhabot needs to send to a generic JSON webhook. */
export const jsonChannel: ChannelAdapter<'json'> = {
  render: renderJson,
  renderAlert: renderJsonAlert,
  protocol: jsonProtocol,
  signsBodies: true,
};
