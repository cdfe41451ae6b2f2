import { describe, expect, it } from 'vitest';
import { smtpEmailConfig } from '../../src/email-provider.ts';

describe('the SMTP settings of Strapi’s email plugin', () => {
  it('are absent without SMTP_HOST (the plugin then sends nothing)', () => {
    expect(smtpEmailConfig({})).toBeUndefined();
    expect(smtpEmailConfig({ SMTP_HOST: '  ', SMTP_PORT: '25' })).toBeUndefined();
  });

  it('default to STARTTLS on 587 without a login, from no-reply@ the host', () => {
    expect(smtpEmailConfig({ SMTP_HOST: 'mail.example.org' })).toMatchObject({
      provider: 'nodemailer',
      providerOptions: { host: 'mail.example.org', port: 587, secure: false },
      settings: { defaultFrom: 'no-reply@mail.example.org', defaultReplyTo: 'no-reply@mail.example.org' },
    });
    expect(smtpEmailConfig({ SMTP_HOST: 'mail.example.org' })?.providerOptions.auth).toBeUndefined();
  });

  it('take the port, TLS, login and sender given', () => {
    const config = smtpEmailConfig({ SMTP_HOST: 'smtp.example.org', SMTP_SECURE: 'true', SMTP_USER: 'db@example.org', SMTP_PASS: 'secret' });
    expect(config?.providerOptions).toMatchObject({ port: 465, secure: true, auth: { user: 'db@example.org', pass: 'secret' } });
    expect(config?.settings.defaultFrom).toBe('db@example.org');
    expect(smtpEmailConfig({ SMTP_HOST: 'h', SMTP_PORT: '2525', EMAIL_FROM: 'Database <db@example.org>' })?.providerOptions.port).toBe(2525);
    expect(smtpEmailConfig({ SMTP_HOST: 'h', EMAIL_FROM: 'Database <db@example.org>' })?.settings.defaultFrom).toBe('Database <db@example.org>');
  });

  it('refuse malformed values with a message naming the variable', () => {
    expect(() => smtpEmailConfig({ SMTP_HOST: 'h', SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/);
    expect(() => smtpEmailConfig({ SMTP_HOST: 'h', SMTP_PORT: 'smtp' })).toThrow(/SMTP_PORT/);
    expect(() => smtpEmailConfig({ SMTP_HOST: 'h', SMTP_SECURE: 'yes please' })).toThrow(/SMTP_SECURE/);
    expect(() => smtpEmailConfig({ SMTP_HOST: 'h', SMTP_USER: 'u' })).toThrow(/SMTP_USER and SMTP_PASS/);
    expect(() => smtpEmailConfig({ SMTP_HOST: 'h', EMAIL_FROM: 'not an address' })).toThrow(/EMAIL_FROM/);
  });
});
