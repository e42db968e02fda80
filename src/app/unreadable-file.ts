/**
 * What an InputFile's read() rejects with when the host knows why a file cannot be read, in the user's language (the
 * CLI: a dangling link, a FIFO, a folder, a file removed meanwhile). Any other rejection gets the generic reason.
 */
export class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}
