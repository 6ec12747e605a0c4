import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tiaojie:isPublic';

/** Opens a route to callers without a token: login, health and the API docs only. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
