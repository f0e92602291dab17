import { describe, expect, it } from 'vitest';
import { foldOcrText } from '../../src/ocr/fold.ts';

describe('foldOcrText', () => {
  it('folds OCR punctuation beside Han to full width', () => {
    expect(foldOcrText('市委办公厅丶汉口银行')).toBe('市委办公厅、汉口银行');
    expect(foldOcrText('市委办公厅·汉口银行')).toBe('市委办公厅、汉口银行');
    expect(foldOcrText('临空港开发区(东西湖区)')).toBe('临空港开发区（东西湖区）');
    expect(foldOcrText('单位:万元')).toBe('单位：万元');
    expect(foldOcrText('姚家集街 12 个村(牵头单位:市委办公厅)')).toBe('姚家集街 12 个村（牵头单位：市委办公厅）');
    expect(foldOcrText('甲,乙;丙')).toBe('甲，乙；丙');
  });
  it('removes spaces between Han and keeps digits and Latin ASCII', () => {
    expect(foldOcrText('合 计')).toBe('合计');
    expect(foldOcrText('2,368.5')).toBe('2,368.5');
    expect(foldOcrText('10:30')).toBe('10:30');
    expect(foldOcrText('A·B')).toBe('A·B');
  });
  it('drops a border read as a bar at either end', () => {
    expect(foldOcrText('| 40')).toBe('40');
    expect(foldOcrText('汉阳区|')).toBe('汉阳区');
    expect(foldOcrText('|8')).toBe('8');
  });
  it('pairs angle brackets read for round ones, keeps real book-title marks', () => {
    expect(foldOcrText('临空港开发区《东西湖区）')).toBe('临空港开发区（东西湖区）');
    expect(foldOcrText('临空港开发区〈东西湖区 )')).toBe('临空港开发区（东西湖区）');
    expect(foldOcrText('开发区（东西湖区》')).toBe('开发区（东西湖区）');
    expect(foldOcrText('《结对表》附后')).toBe('《结对表》附后');
    expect(foldOcrText('按《方案（试行）》执行')).toBe('按《方案（试行）》执行');
  });
});
