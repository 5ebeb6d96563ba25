/** Inputs at the API's size limits, different for each `seed` so no cache or memo answers them. */

/** A plausible resume of `chars` characters: roles, dates and numbered bullets, as the engine reads them. */
export function largeResume(chars: number, seed = 0): string {
  const lines: string[] = [`Jane Doe ${seed}`, `jane${seed}@example.com`, '', 'Experience'];
  let length = lines.join('\n').length;
  for (let i = 0; length < chars; i++) {
    const role = [
      `Senior Engineer ${i} — Company${seed}x${i} Ltd`,
      `Jan ${2000 + (i % 20)} – Dec ${2001 + (i % 20)}`,
      `- Led ${(i + seed) % 9} engineers to cut latency by ${(i * 7 + seed) % 50}% on service ${i} using TypeScript and Kubernetes`,
    ];
    lines.push(...role);
    length += role.join('\n').length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

/** A job ad of `chars` characters. */
export function largeJobAd(chars: number, seed = 0): string {
  const text = `Staff Engineer ${seed}. Requirements: TypeScript, Kubernetes, Go, AWS, PostgreSQL, observability. `;
  return text.repeat(Math.ceil(chars / text.length)).slice(0, chars);
}
