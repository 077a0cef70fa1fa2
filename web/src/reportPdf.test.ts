import { afterEach, describe, expect, it, vi } from 'vitest';
import { getTherapistReportPdf } from './api';
import { calmMessage } from './words';

/** A fetch that answers every call with `response()`, counting the calls. */
function answering(response: () => Response) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return response();
    }),
  );
  return urls;
}

describe('the therapist report PDF', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('comes back as the bytes the server sent', async () => {
    const urls = answering(
      () => new Response('%PDF-1.4 x', { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
    );
    const pdf = await getTherapistReportPdf('r 1');
    expect(await pdf.text()).toBe('%PDF-1.4 x');
    expect(urls).toEqual(['/api/v1/therapist/relationships/r%201/report.pdf']);
  });

  it('says plainly when the server cannot print, without asking again', async () => {
    const urls = answering(
      () =>
        new Response(JSON.stringify({ error: { code: 'pdf_unavailable', message: 'No PDF.' } }), {
          status: 503,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const failure = await getTherapistReportPdf('r1').catch((err: unknown) => err);
    expect(failure).toMatchObject({ status: 503, code: 'pdf_unavailable' });
    expect(calmMessage(failure)).toMatch(/download the report as a page/);
    expect(urls).toHaveLength(1);
  });
});
