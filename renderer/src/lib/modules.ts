// Rocket.Chat's license modules (core-typings `CoreModules`, 8.8) by the names people know them
// by in the admin UI and on price lists. The id stays visible as a tooltip and in receipts.
const NAMES: Record<string, string> = {
  auditing: 'Message auditing',
  'canned-responses': 'Canned responses',
  'ldap-enterprise': 'LDAP (Enterprise)',
  'livechat-enterprise': 'Omnichannel (Enterprise)',
  'voip-enterprise': 'VoIP (Enterprise)',
  'omnichannel-mobile-enterprise': 'Omnichannel mobile',
  'engagement-dashboard': 'Engagement dashboard',
  'push-privacy': 'Push notification privacy',
  scalability: 'Scalability (microservices, high availability)',
  'teams-mention': 'Team mentions',
  'saml-enterprise': 'SAML (Enterprise)',
  'oauth-enterprise': 'OAuth (Enterprise)',
  'device-management': 'Device management',
  federation: 'Federation',
  'videoconference-enterprise': 'Video conferencing (Enterprise)',
  'message-read-receipt': 'Read receipts',
  'outlook-calendar': 'Outlook calendar',
  'hide-watermark': 'No watermark',
  'custom-roles': 'Custom roles',
  'accessibility-certification': 'Accessibility certification',
  'unlimited-presence': 'Unlimited presence',
  'contact-id-verification': 'Contact ID verification',
  'teams-voip': 'Teams VoIP',
  'outbound-messaging': 'Outbound messaging',
  abac: 'Attribute-based access control',
  fips: 'FIPS mode',
};

/** The module's name; an unknown or external module keeps its id. */
export function moduleName(id: string): string {
  return NAMES[id] ?? id;
}
