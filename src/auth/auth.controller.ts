import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { UserResponseDto } from '../users/dto/user-response.dto';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MALFORMED_JSON', type: ErrorEnvelope })
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; answers a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS: unknown user, wrong password or deactivated account (indistinguishable)', type: ErrorEnvelope })
  @ApiTooManyRequestsResponse({
    description: 'TOO_MANY_REQUESTS: 5 failed sign-ins for this username or address within 60 s',
    type: ErrorEnvelope,
    headers: { 'Retry-After': { description: 'Seconds until a new attempt is accepted', schema: { type: 'integer' } } },
  })
  login(@Body() dto: LoginDto, @Ip() clientIp: string): Promise<LoginResponseDto> {
    return this.auth.login(dto, clientIp);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED', type: ErrorEnvelope })
  me(@CurrentUser() actor: Actor): Promise<UserResponseDto> {
    return this.auth.me(actor);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own password; other sessions end and a fresh token is returned for this one' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'CURRENT_PASSWORD_INCORRECT, WEAK_PASSWORD', type: ErrorEnvelope })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS: too many wrong current passwords', type: ErrorEnvelope })
  changePassword(
    @CurrentUser() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Ip() clientIp: string,
    @RequestId() requestId: string,
  ): Promise<LoginResponseDto> {
    return this.auth.changeOwnPassword(actor, dto, clientIp, requestId);
  }
}
