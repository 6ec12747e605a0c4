import { Injectable } from '@nestjs/common';
import { authorOf } from '../audit/audit-author';
import { UserResponseDto, toUserResponse } from '../users/dto/user-response.dto';
import { PasswordHasherService } from '../users/password-hasher.service';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Actor, toActor } from './actor';
import { AuthError } from './auth.errors';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginThrottleService } from './login-throttle.service';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: TokenService,
  ) {}

  /** Unknown user, wrong password and deactivated account answer alike, after the same amount of argon2 work. */
  async login(dto: LoginDto, clientIp: string): Promise<LoginResponseDto> {
    await this.throttle.begin(dto.username, clientIp);
    const user = await this.users.findByUsername(dto.username);
    const valid = user ? await this.hasher.verify(user.passwordHash, dto.password) : await this.hasher.verifyAgainstNobody(dto.password);
    if (!user || !valid || !user.active) throw AuthError.invalidCredentials();
    await this.throttle.succeeded(dto.username);
    return this.session(user);
  }

  async me(actor: Actor): Promise<UserResponseDto> {
    const user = await this.users.findById(actor.id);
    if (!user) throw AuthError.invalidToken();
    return toUserResponse(user);
  }

  /**
   * Ends every other session of the user and answers with a fresh token for this one. Wrong current passwords count
   * as failed sign-ins: a stolen token must not become a way to guess the password.
   */
  async changeOwnPassword(actor: Actor, dto: ChangePasswordDto, clientIp: string, requestId: string): Promise<LoginResponseDto> {
    await this.throttle.begin(actor.username, clientIp);
    const user = await this.users.findById(actor.id);
    if (!user || !(await this.hasher.verify(user.passwordHash, dto.currentPassword))) throw AuthError.currentPasswordIncorrect();
    await this.throttle.succeeded(actor.username);
    return this.session(await this.users.changePassword(actor.id, dto.newPassword, authorOf(actor, requestId)));
  }

  private session(user: UserEntity): LoginResponseDto {
    const { accessToken, expiresIn } = this.tokens.issue(user.id);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toActor(user) };
  }
}
