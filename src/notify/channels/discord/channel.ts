import type { ChannelAdapter } from '../adapter.js';
import { renderDiscord } from './render.js';
import { discordProtocol } from './responses.js';

/** Everything pyhabot needs to send to a Discord webhook. */
export const discordChannel: ChannelAdapter<'discord'> = {
  render: renderDiscord,
  protocol: discordProtocol,
  signsBodies: false,
};
