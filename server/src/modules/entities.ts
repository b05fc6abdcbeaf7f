import { RefreshSession } from './accounts/refresh-session.entity.js';
import { User } from './accounts/user.entity.js';

/** Every entity the ORM knows, listed explicitly (no glob discovery: builds and tests agree). */
export const entities = [User, RefreshSession] as const;
