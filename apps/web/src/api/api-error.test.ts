import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldErrors } from './api-error';

describe('fieldErrors', () => {
  it('puts validation details under their fields and keeps the rest', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'email: Enter a valid email address.', [
      { path: 'email', message: 'Enter a valid email address.' },
      { path: 'password', message: 'Use at least 8 characters.' },
      { path: 'other', message: 'Something else.' },
    ]);
    expect(fieldErrors(err, ['email', 'password'])).toEqual({
      byField: { email: 'Enter a valid email address.', password: 'Use at least 8 characters.' },
      rest: 'Something else.',
    });
  });
  it('knows which field some error codes are about', () => {
    expect(fieldErrors(new ApiError(400, 'INVALID_CRON', 'Minute is not in range'), ['cron'])).toEqual({
      byField: { cron: 'Minute is not in range' },
    });
    expect(fieldErrors(new ApiError(409, 'EMAIL_TAKEN', 'Taken'), ['name'])).toEqual({ byField: {}, rest: 'Taken' });
  });
  it('reads validation messages without the API path prefix', () => {
    expect(errorMessage(new ApiError(400, 'VALIDATION_FAILED', 'name: Name the bot.', [{ path: 'name', message: 'Name the bot.' }]))).toBe(
      'Name the bot.',
    );
    expect(fieldErrors(undefined, ['x'])).toEqual({ byField: {} });
  });
});
