import { TokenInspector } from '../../../sandbox/TokenInspector';
import type { JwtInspectorEmbed as JwtInspectorData } from './embed';

/** The token inspector, opened on the lesson's token and secret. */
export function JwtInspectorEmbed({ embed }: { embed: JwtInspectorData }) {
  return <TokenInspector id={embed.id} token={embed.token} secret={embed.secret} />;
}
