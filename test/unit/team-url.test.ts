import { describe, expect, it } from 'vitest';
import { parseTeamServerUrl } from '../../shared/api/teamUrl';

describe('parseTeamServerUrl: the team server address a person types', () => {
  it('keeps only the origin of a full address', () => {
    expect(parseTeamServerUrl('https://team.example.org:8443/#/library?doc=3')).toEqual({
      ok: true,
      origin: 'https://team.example.org:8443',
      insecure: false,
    });
    expect(parseTeamServerUrl('  HTTPS://Team.Example.org/  ')).toEqual({ ok: true, origin: 'https://team.example.org', insecure: false });
  });

  it('adds https to a bare host name, and http to this machine', () => {
    expect(parseTeamServerUrl('team.example.org:8443')).toMatchObject({ ok: true, origin: 'https://team.example.org:8443' });
    expect(parseTeamServerUrl('localhost:7000')).toEqual({ ok: true, origin: 'http://localhost:7000', insecure: false });
    expect(parseTeamServerUrl('127.0.0.1:7000')).toEqual({ ok: true, origin: 'http://127.0.0.1:7000', insecure: false });
  });

  it('marks plain http to another machine as insecure, never loopback', () => {
    expect(parseTeamServerUrl('http://10.0.0.5:7000')).toEqual({ ok: true, origin: 'http://10.0.0.5:7000', insecure: true });
    expect(parseTeamServerUrl('http://[::1]:7000')).toEqual({ ok: true, origin: 'http://[::1]:7000', insecure: false });
    expect(parseTeamServerUrl('http://127.0.0.1.evil.example')).toMatchObject({ ok: true, insecure: true });
  });

  it('refuses what cannot be a team server, saying why', () => {
    expect(parseTeamServerUrl('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseTeamServerUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseTeamServerUrl('file:///etc/passwd')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseTeamServerUrl('javascript://alert(1)')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseTeamServerUrl('https://')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseTeamServerUrl('team server.org')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseTeamServerUrl('https://lead:secret@team.example.org')).toEqual({ ok: false, problem: 'credentials' });
  });

  it('accepts a Chinese host name as its punycode', () => {
    const r = parseTeamServerUrl('政策.中国:8443');
    expect(r.ok && r.origin).toMatch(/^https:\/\/xn--[a-z0-9-]+\.xn--[a-z0-9-]+:8443$/);
  });
});
