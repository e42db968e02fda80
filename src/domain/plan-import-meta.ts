/**
 * What a plan says about itself, read from its paragraphs when present: the title ("KẾ HOẠCH" / "Công tác … năm N"),
 * the year, the issuer and province ("… Chủ tịch UBND tỉnh X ban hành Kế hoạch …", or the "ỦY BAN NHÂN DÂN TỈNH X"
 * header), the number ("Số: 12/KH-UBND"), place and date, signer and legal bases ("Căn cứ …" paragraphs). Nothing is
 * invented: a field the text does not give is left out.
 */
import { lowerFirst } from './text';

export interface PlanMeta {
  readonly id?: string;
  readonly version?: string;
  readonly title?: string;
  readonly year?: number;
  readonly statisticsYear?: number;
  readonly province?: string;
  readonly issuer?: string;
  readonly signer?: string;
  readonly number?: string;
  readonly numberSuffix?: string;
  readonly issuedDate?: string | null;
  readonly placeAndDate?: string;
  readonly status?: string;
  readonly legalBases?: readonly string[];
  readonly trackerSheetName?: string;
  readonly reportDeadlineTaskId?: string;
}

function tidy(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u2007\u202f\s]+/g, ' ').replace(/\*\*/g, '').trim();
}

const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const isUpper = (s: string): boolean => s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');

/** "THÁI NGUYÊN" → "Thái Nguyên". */
function titleCase(s: string): string {
  return s.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
}

function readTitle(lines: readonly string[]): string | undefined {
  const i = lines.findIndex((l) => /^kế hoạch$/i.test(l) || /^kế hoạch\s+\S/i.test(l) && isUpper(l));
  if (i < 0) return undefined;
  const line = lines[i] ?? '';
  if (/^kế hoạch$/i.test(line)) {
    const subject = lines[i + 1];
    if (subject === undefined || subject === '') return undefined;
    return `Kế hoạch ${lowerFirst(isUpper(subject) ? subject.toLocaleLowerCase('vi') : subject)}`;
  }
  return upperFirst(line.toLocaleLowerCase('vi'));
}

const PLACE = /(?:tỉnh|thành phố)\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*)*)/u;

function readIssuer(lines: readonly string[]): { issuer?: string; province?: string } {
  const expand = (s: string) => s.replace(/\bUBND\b/g, 'Ủy ban nhân dân');
  // "… Chủ tịch UBND tỉnh Thái Nguyên ban hành Kế hoạch …"
  for (const l of lines) {
    const m = /((?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố)\s+(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*)*)\s+ban hành/u.exec(l);
    if (m) {
      const issuer = expand(m[1] ?? '').replace(/^Uỷ/, 'Ủy');
      return { issuer, province: PLACE.exec(issuer)?.[1] };
    }
  }
  // The header block: "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", on one line or two.
  for (const [i, line] of lines.entries()) {
    const l = /^(?:ỦY|UỶ) BAN NHÂN DÂN$/u.test(line) ? `${line} ${lines[i + 1] ?? ''}` : line;
    const m = /^(?:ỦY|UỶ) BAN NHÂN DÂN\s+(TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(l);
    if (m) {
      const province = titleCase(m[2] ?? '');
      return { issuer: `Ủy ban nhân dân ${(m[1] ?? '').toLocaleLowerCase('vi')} ${province}`, province };
    }
  }
  return {};
}

function readNumber(lines: readonly string[]): { number?: string; numberSuffix?: string } {
  for (const l of lines) {
    const m = /^Số\s*:\s*(\d*)\s*(\/[\p{L}\d/-]+)/u.exec(l);
    if (m) return { number: m[1] ?? '', numberSuffix: m[2] ?? '' };
  }
  return {};
}

function readPlaceAndDate(lines: readonly string[]): { placeAndDate?: string; issuedDate?: string | null } {
  const line = lines.find((l) => /^[\p{L} ]+,\s*ngày\b.*\bnăm\s*\d{4}$/u.test(l));
  if (line === undefined) return {};
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(line);
  const pad = (s: string | undefined) => (s ?? '').padStart(2, '0');
  return { placeAndDate: line, issuedDate: m ? `${m[3] ?? ''}-${pad(m[2])}-${pad(m[1])}` : null };
}

function readSigner(lines: readonly string[]): string | undefined {
  const at = lines.findIndex((l) => /^(?:KT\.\s*|TM\.\s*.*)?(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC)$/u.test(l));
  if (at < 0) return undefined;
  return lines.slice(at + 1, at + 5).find((l) => /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(l));
}

function readLegalBases(lines: readonly string[]): string[] {
  const bases = lines.filter((l) => /^Căn cứ\s/.test(l)).map((l) => upperFirst(l.replace(/^Căn cứ\s+/, '').replace(/[;,.]+$/, '')));
  if (bases.length > 0) return bases;
  const intro = lines.find((l) => /^Thực hiện\s/.test(l));
  if (intro === undefined) return [];
  const clause = intro.replace(/^Thực hiện\s+/, '').split(/;\s*để\s|,\s*sau khi\s/)[0] ?? '';
  return clause.split(/;\s+/).map((c) => c.trim().replace(/[;,.]+$/, '')).filter((c) => c !== '').map(upperFirst);
}

/** The plan's own description from its paragraphs (outside the tables), in document order. */
export function planMetaFromText(paragraphs: readonly string[]): PlanMeta {
  const lines = paragraphs.map(tidy).filter((l) => l !== '');
  const title = readTitle(lines);
  const year = title !== undefined ? /năm (\d{4})/.exec(title)?.[1] : undefined;
  const place = readPlaceAndDate(lines);
  const { issuer, province } = readIssuer(lines);
  const placeProvince = place.placeAndDate !== undefined ? /^([\p{L} ]+),/u.exec(place.placeAndDate)?.[1] : undefined;
  const signer = readSigner(lines);
  const legalBases = readLegalBases(lines);
  const meta: { -readonly [K in keyof PlanMeta]: PlanMeta[K] } = { ...readNumber(lines), ...place };
  if (title !== undefined) meta.title = title;
  if (year !== undefined) meta.year = Number(year);
  else if (place.placeAndDate !== undefined) {
    const y = /năm\s*(\d{4})$/.exec(place.placeAndDate)?.[1];
    if (y !== undefined) meta.year = Number(y);
  }
  if (issuer !== undefined) meta.issuer = issuer;
  const prov = province ?? placeProvince;
  if (prov !== undefined) meta.province = prov.trim();
  if (signer !== undefined) meta.signer = signer;
  if (legalBases.length > 0) meta.legalBases = legalBases;
  return meta;
}
