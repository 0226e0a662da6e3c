/**
 * Streams markup through htmlparser2 in chunks of decoded text, so a part of hundreds of MB is
 * never one string: the parser sees each tag once and calls back (linear in the input).
 */
import { Parser, type Handler } from 'htmlparser2';

const CHUNK = 1 << 20;

export type MarkupHandler = Partial<Pick<Handler, 'onopentag' | 'onclosetag' | 'ontext'>>;

/** Parses `bytes` (UTF-8) as XML (`xml: true`: names keep their prefix and case) or as HTML. */
export function parseMarkup(input: Uint8Array | string, handler: MarkupHandler, xml: boolean): void {
  const parser = new Parser(handler, { xmlMode: xml, decodeEntities: true, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml, recognizeSelfClosing: true });
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += CHUNK) parser.write(input.slice(i, i + CHUNK));
  } else {
    const decoder = new TextDecoder('utf-8');
    for (let i = 0; i < input.length; i += CHUNK) parser.write(decoder.decode(input.subarray(i, i + CHUNK), { stream: true }));
    parser.write(decoder.decode());
  }
  parser.end();
}
