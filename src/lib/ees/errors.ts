/** Problems with what an import was given: every one is listed, and nothing is written. */
export class EesError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EesError';
  }
}
