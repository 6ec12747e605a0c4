import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { OrganizationIdParamDto } from './dto/organization-id-param.dto';
import { OrganizationQueryDto } from './dto/organization-query.dto';
import { OrganizationResponseDto } from './dto/organization-response.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Create an organization (ADMIN); the case number prefix is generated when omitted' })
  @ApiCreatedResponse({ type: OrganizationResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only an ADMIN', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'CASE_NUMBER_PREFIX_TAKEN', type: ErrorEnvelope })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateOrganizationDto, @RequestId() requestId: string): Promise<OrganizationResponseDto> {
    return this.organizations.create(dto, authorOf(actor, requestId));
  }

  @Get()
  @ApiOperation({ summary: 'List organizations (any signed-in role): the intake form picks the referring court here' })
  @ApiOkResponse({ type: OrganizationResponseDto, isArray: true })
  list(@Query() query: OrganizationQueryDto): Promise<OrganizationResponseDto[]> {
    return this.organizations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization (any signed-in role)' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  get(@Param() params: OrganizationIdParamDto): Promise<OrganizationResponseDto> {
    return this.organizations.get(params.id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Change name, region, case number prefix or kind (ADMIN)' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only an ADMIN', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'CASE_NUMBER_PREFIX_TAKEN', type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_ORGANIZATION_MISMATCH: users would no longer fit the new kind', type: ErrorEnvelope })
  update(
    @CurrentUser() actor: Actor,
    @Param() params: OrganizationIdParamDto,
    @Body() dto: UpdateOrganizationDto,
    @RequestId() requestId: string,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.update(params.id, dto, authorOf(actor, requestId));
  }
}
