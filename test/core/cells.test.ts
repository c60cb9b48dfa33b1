/** A1 addresses: the one parser every host uses, checked against Excel's grid (1,048,576 × XFD). */
import { a1, columnIndex, columnLetter, parseA1 } from '../../src/core/cells';

test.each([
  ['A1', { row: 0, col: 0 }],
  ['F12', { row: 11, col: 5 }],
  ['$F$12', { row: 11, col: 5 }],
  ['AA100', { row: 99, col: 26 }],
  ['XFD1048576', { row: 1_048_575, col: 16_383 }],
])('parseA1(%s)', (address, at) => {
  expect(parseA1(address)).toEqual(at);
});

test.each(['', 'A0', 'A01', 'f12', 'XFE1', 'A1048577', 'AAAA1', 'A1:B2', "'S'!A1", '12', 'A'])('parseA1(%j) is not a cell', (address) => {
  expect(parseA1(address)).toBeNull();
});

test('column letters and indexes are inverse over the whole grid width', () => {
  expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702), columnLetter(16_383)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  for (let c = 0; c < 16_384; c += 37) expect(columnIndex(columnLetter(c))).toBe(c);
  expect(parseA1(a1(41, 730))).toEqual({ row: 41, col: 730 });
});
