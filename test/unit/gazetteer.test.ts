import { describe, expect, it } from 'vitest';
import { findPlaces, resolvePlace, resolvePlaces } from '../../shared/domain/gazetteer/index';

describe('resolvePlace', () => {
  it('resolves full names and short forms of cities and districts', () => {
    expect(resolvePlace('宁波')).toMatchObject({ name: '宁波市', level: 'city', city: '宁波市', province: '浙江省', code: '330200' });
    expect(resolvePlace('海曙')).toMatchObject({ name: '海曙区', level: 'district', city: '宁波市', province: '浙江省' });
    expect(resolvePlace('恩施')).toMatchObject({ name: '恩施土家族苗族自治州', level: 'city', province: '湖北省' });
  });

  it('marks counties and county-level cities as county', () => {
    expect(resolvePlace('嘉鱼县')).toMatchObject({ level: 'county', city: '咸宁市' });
    expect(resolvePlace('赤壁市')).toMatchObject({ level: 'county', city: '咸宁市' });
  });

  it('resolves the hand-written nicknames to their city', () => {
    expect(resolvePlace('香城')).toMatchObject({ name: '咸宁市' });
  });

  it('knows names shared by several places', () => {
    expect(resolvePlaces('鼓楼区').map((p) => p.city)).toEqual(expect.arrayContaining(['南京市', '福州市', '徐州市', '开封市']));
    expect(resolvePlace('不存在的地方')).toBeNull();
  });

  it('covers every province and the prefecture-level cities', () => {
    for (const name of ['北京市', '新疆维吾尔自治区', '广西壮族自治区', '黑龙江省', '海南省', '西藏自治区']) expect(resolvePlace(name)).not.toBeNull();
    for (const name of ['三沙市', '儋州市', '拉萨市', '克拉玛依市', '大兴安岭地区']) expect(resolvePlace(name)?.level).toBe('city');
  });
});

describe('findPlaces', () => {
  it('counts full names, short forms and nicknames, longest name first', () => {
    const places = findPlaces('宁波市海曙区推进海曙小微企业发展,宁波全市……');
    const haishu = places.find((p) => p.name === '海曙区');
    const ningbo = places.find((p) => p.name === '宁波市');
    expect(haishu).toMatchObject({ count: 2, fullCount: 1 });
    expect(ningbo).toMatchObject({ count: 2, fullCount: 1 });
  });

  it('finds a city inside a compound name and through its nickname', () => {
    const xianning = findPlaces('支持咸宁高新区建设,打造梦香城?咸宁市').find((p) => p.name === '咸宁市');
    expect(xianning).toMatchObject({ count: 3, fullCount: 1, nicknameCount: 1 });
  });

  it('does not read ordinary words as county short forms or 市场 as a 市', () => {
    const names = findPlaces('整合资源,加强合作市场,新兴产业高新区').map((p) => p.name);
    expect(names).not.toContain('资源县');
    expect(names).not.toContain('合作市');
    expect(names).not.toContain('高新区');
  });
});

describe('findPlaces: ordinary words', () => {
  it('does not read 阿里巴巴, 大理石 or 市中小企业 as places, but knows their full names', () => {
    expect(findPlaces('引进阿里巴巴,使用大理石,扶持市中小企业')).toEqual([]);
    expect(findPlaces('大理白族自治州和济南市市中区').map((p) => p.name)).toEqual(expect.arrayContaining(['大理白族自治州', '市中区']));
  });

  it('reads 吉林 as the province, 吉林市 as the city', () => {
    expect(resolvePlace('吉林')).toMatchObject({ level: 'province', name: '吉林省' });
    expect(resolvePlace('吉林市')).toMatchObject({ level: 'city', province: '吉林省' });
  });
});
