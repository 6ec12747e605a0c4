import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { authorOf } from '../audit/audit-author';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserIdParamDto } from './dto/user-id-param.dto';
import { UserQueryDto } from './dto/user-query.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@ApiForbiddenResponse({ description: 'FORBIDDEN: the role may not do this', type: ErrorEnvelope })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Create a user (ADMIN)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such organization', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'USERNAME_TAKEN', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_ORGANIZATION_MISMATCH, WEAK_PASSWORD', type: ErrorEnvelope })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUserDto, @RequestId() requestId: string): Promise<UserResponseDto> {
    return this.users.create(dto, authorOf(actor, requestId));
  }

  @Get()
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOperation({ summary: 'List users: all for an ADMIN, their own organization for a SUPERVISOR' })
  @ApiOkResponse({ type: UserResponseDto, isArray: true })
  list(@CurrentUser() actor: Actor, @Query() query: UserQueryDto): Promise<UserResponseDto[]> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles('ADMIN', 'SUPERVISOR')
  @ApiOperation({ summary: 'One user; a SUPERVISOR sees only their own organization (others answer 404)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  get(@CurrentUser() actor: Actor, @Param() params: UserIdParamDto): Promise<UserResponseDto> {
    return this.users.get(actor, params.id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Change display name, role, organization or active flag (ADMIN)' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such user or organization', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_ORGANIZATION_MISMATCH, LAST_ACTIVE_ADMIN', type: ErrorEnvelope })
  update(@CurrentUser() actor: Actor, @Param() params: UserIdParamDto, @Body() dto: UpdateUserDto, @RequestId() requestId: string): Promise<UserResponseDto> {
    return this.users.update(params.id, dto, authorOf(actor, requestId));
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: "Reset a user's password (ADMIN); every session of that user ends" })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'WEAK_PASSWORD', type: ErrorEnvelope })
  resetPassword(
    @CurrentUser() actor: Actor,
    @Param() params: UserIdParamDto,
    @Body() dto: ResetPasswordDto,
    @RequestId() requestId: string,
  ): Promise<UserResponseDto> {
    return this.users.resetPassword(params.id, dto.newPassword, authorOf(actor, requestId));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Deactivate a user (ADMIN): they cannot sign in and their sessions end at once' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'LAST_ACTIVE_ADMIN', type: ErrorEnvelope })
  deactivate(@CurrentUser() actor: Actor, @Param() params: UserIdParamDto, @RequestId() requestId: string): Promise<UserResponseDto> {
    return this.users.setActive(params.id, false, authorOf(actor, requestId));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Reactivate a user (ADMIN); they sign in again with their password' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  activate(@CurrentUser() actor: Actor, @Param() params: UserIdParamDto, @RequestId() requestId: string): Promise<UserResponseDto> {
    return this.users.setActive(params.id, true, authorOf(actor, requestId));
  }
}
