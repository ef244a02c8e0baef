import { defineEmbed } from '../defineEmbed.ts';

export interface JwtInspectorEmbed {
  name: 'jwt-inspector';
  id: string;
  token: string;
  secret: string;
}

/** The token inspector, opened on a token and the secret it was signed with. */
export const jwtInspector = defineEmbed<JwtInspectorEmbed>()({
  name: 'jwt-inspector',
  directive: 'leaf',
  width: 'wide',
});
