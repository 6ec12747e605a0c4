import { DistinctJson } from './distinct-json';

describe('DistinctJson', () => {
  it('gives each distinct text one position, in first-seen order, and the array that indexes them', () => {
    const distinct = new DistinctJson();
    const texts = ['[]', '[{"ruleId":"A"}]', '[]', '{"id":"x"}', '[{"ruleId":"A"}]'];
    const positions = texts.map((text) => distinct.positionOf(text));
    expect(positions).toEqual([0, 1, 0, 2, 1]);
    const array = JSON.parse(distinct.jsonArray()) as unknown[];
    expect(positions.map((position) => JSON.stringify(array[position]))).toEqual(texts);
  });

  it('is an empty array when nothing was added', () => {
    expect(new DistinctJson().jsonArray()).toBe('[]');
  });
});
