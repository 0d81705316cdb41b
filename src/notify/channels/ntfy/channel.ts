import type { ChannelAdapter } from '../adapter.js';
import { renderNtfy } from './render.js';
import { renderNtfyAlert } from './render-alert.js';
import { ntfyProtocol } from './responses.js';

/** Everything pyhabot needs to send to an ntfy server. */
export const ntfyChannel: ChannelAdapter<'ntfy'> = {
  render: (items, options, target) => renderNtfy(items, options, target.topic),
  renderAlert: (item, options, target) => renderNtfyAlert(item, options, target.topic),
  protocol: ntfyProtocol,
  signsBodies: false,
};
