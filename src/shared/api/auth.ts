import { z } from 'zod';
import { Id, Language, line, Timestamp } from './common.ts';

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

const Email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase())
  .describe('Email address (case-insensitive).');
const Password = z
  .string()
  .min(MIN_PASSWORD, `at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD)
  .describe(`A passphrase of ${MIN_PASSWORD}–${MAX_PASSWORD} characters; any characters; no composition rules.`);

export const SignupBody = z
  .strictObject({
    email: Email,
    password: Password,
    displayName: line(120, { min: 1 }),
    locale: Language.default('it'),
  })
  .meta({ id: 'SignupBody' });

export const SignupResult = z
  .object({
    ok: z.literal(true),
    message: z.string().describe('What to do next, in English: log in with the same email and password.'),
  })
  .describe(
    'The same answer whether the address was new (the account is made) or already had an account (nothing is made, and ' +
      'its owner is told by email): a sign-up never says whether an address is registered, and never logs in.',
  )
  .meta({ id: 'SignupResult' });

export const SIGNUP_MESSAGE =
  'Sign-up received: log in with this email and password. If the address already had an account, nothing changed and its owner was told by email.';

export const LoginBody = z
  .strictObject({
    email: Email,
    password: z.string().min(1).max(MAX_PASSWORD),
  })
  .meta({ id: 'LoginBody' });

export const CurrentUser = z
  .object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    locale: Language,
    isAdmin: z.boolean(),
    selfPersonId: Id.describe('The id of the person that is "Me": my offers and needs hang on it.'),
    createdAt: Timestamp,
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionBody = z
  .object({
    user: CurrentUser,
    csrfToken: z
      .string()
      .nullable()
      .describe('Send as the `X-CSRF-Token` header with every cookie-authenticated change. Null for token auth.'),
  })
  .meta({ id: 'Session' });

export const AuthState = z.object({
  hasUsers: z.boolean().describe('False on a fresh instance: the first account becomes the admin.'),
  signupOpen: z.boolean(),
  importMaxBytes: z.number().int().describe('The largest file an import accepts, in bytes.'),
});

export const UpdateAccountBody = z
  .strictObject({
    displayName: line(120, { min: 1 }).optional(),
    locale: Language.optional(),
  })
  .meta({ id: 'UpdateAccountBody' });

export const ChangePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1).max(MAX_PASSWORD),
    newPassword: Password,
    revokeTokens: z
      .boolean()
      .default(true)
      .describe(
        'Also revoke every API token made before the change (default true): whoever took one with the old password is out too.',
      ),
  })
  .meta({ id: 'ChangePasswordBody' });

export const ChangePasswordResult = z
  .object({
    ok: z.literal(true),
    revokedTokens: z.number().int().describe('How many API tokens the change revoked.'),
  })
  .meta({ id: 'ChangePasswordResult' });

export const AdminCreateUserBody = z
  .strictObject({
    email: Email,
    password: Password,
    displayName: line(120, { min: 1 }),
    locale: Language.default('it'),
    isAdmin: z.boolean().default(false),
  })
  .meta({ id: 'AdminCreateUserBody' });
