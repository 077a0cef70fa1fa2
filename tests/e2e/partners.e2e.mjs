// Two partners, two browsers: sign-up → relationship → invite → accept → private answers →
// shared view → an agreement drafted by one and signed by both. Partner A's "no" must leave
// no trace anywhere partner B can look.
import { twoPartnersWithSignedAgreement } from './lib/scenarios.mjs';

export const tests = [
  {
    name: 'two partners: invite, answers, shared view, agreement signed by both; A’s no stays hidden',
    run: () => twoPartnersWithSignedAgreement(),
  },
];
