import type { AgreementStatus } from '../api';

export const statusLabels: Record<AgreementStatus, string> = {
  draft: 'Draft',
  signed: 'Signed by everyone',
  void: 'No longer in force',
};

/** "N of M signed" and whether I signed — never who has or hasn't. */
export function SignatureSummary({
  status,
  signatureCount,
  participantCount,
  youSigned,
}: {
  status: AgreementStatus;
  signatureCount: number;
  participantCount: number;
  youSigned: boolean;
}) {
  return (
    <p class="signature-summary">
      <span class={`badge badge-${status}`}>{statusLabels[status] ?? status}</span>{' '}
      {status !== 'void' && (
        <>
          <span>
            {signatureCount} of {participantCount} signed
          </span>
          {' · '}
          <span>{youSigned ? 'You have signed' : "You haven't signed"}</span>
        </>
      )}
    </p>
  );
}
