import type { ChannelAdapter } from '../adapter.js';
import { renderDiscord } from './render.js';
import { renderDiscordAlert } from './render-alert.js';
import { discordProtocol } from './responses.js';

/** Everything pyhabot needs to send to a Discord webhook. */
export const discordChannel: ChannelAdapter<'discord'> = {
  render: renderDiscord,
  renderAlert: renderDiscordAlert,
  protocol: discordProtocol,
  signsBodies: false,
};
