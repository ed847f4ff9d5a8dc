import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeInPlace } from '../../scripts/write-in-place.ts';
import { tempFolder } from './helpers.ts';

describe('writeInPlace', () => {
  it('leaves exactly the new bytes over a longer, a shorter and an equal file, keeping the file itself', () => {
    const file = join(tempFolder(), 'index.html');
    writeFileSync(file, '<p>一个较长的旧页面，比新页面长得多</p>');
    const inode = statSync(file).ino;
    writeInPlace(file, '<p>新页面</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>新页面</p>');
    writeInPlace(file, Buffer.from('<p>又一个比上一个更长的新页面</p>'));
    expect(readFileSync(file, 'utf8')).toBe('<p>又一个比上一个更长的新页面</p>');
    writeInPlace(file, '<p>同样长度的新页面内容呀呀</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>同样长度的新页面内容呀呀</p>');
    // Written over, not replaced: the same file.
    expect(statSync(file).ino).toBe(inode);
  });

  it('makes a file and its folders that are not there, whether or not the caller knew', () => {
    const dir = tempFolder();
    writeInPlace(join(dir, 'record/r-1/index.html'), 'a');
    writeInPlace(join(dir, 'record/r-2/index.html'), 'b', false);
    // Said to be there, but gone: made all the same.
    writeInPlace(join(dir, 'record/r-3/index.html'), 'c', true);
    expect(['r-1', 'r-2', 'r-3'].map((id) => readFileSync(join(dir, 'record', id, 'index.html'), 'utf8'))).toEqual(['a', 'b', 'c']);
  });
});
