import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { ReplaceRiskRulesDto } from './dto/replace-risk-rules.dto';
import { RiskRuleSetResponseDto, RiskRuleSetVersionResponseDto } from './dto/risk-rule-set-response.dto';
import { RiskRuleSetVersionParamDto } from './dto/risk-rule-set-version-param.dto';
import { RiskRuleSetsService } from './risk-rule-sets.service';

@ApiTags('risk-rules')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@ApiForbiddenResponse({ description: 'FORBIDDEN: reading needs SUPERVISOR or ADMIN, changing needs ADMIN', type: ErrorEnvelope })
@Controller('risk-rules')
@Roles('SUPERVISOR', 'ADMIN')
export class RiskRulesController {
  constructor(private readonly ruleSets: RiskRuleSetsService) {}

  @Get()
  @ApiOperation({ summary: 'The current risk rule set, the highest version (SUPERVISOR, ADMIN)' })
  @ApiOkResponse({ type: RiskRuleSetResponseDto })
  current(): Promise<RiskRuleSetResponseDto> {
    return this.ruleSets.current();
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every rule-set version, newest first, without the rules (SUPERVISOR, ADMIN)' })
  @ApiOkResponse({ type: RiskRuleSetVersionResponseDto, isArray: true })
  versions(): Promise<RiskRuleSetVersionResponseDto[]> {
    return this.ruleSets.versions();
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One rule-set version with its rules, e.g. the one a screening recorded (SUPERVISOR, ADMIN)' })
  @ApiOkResponse({ type: RiskRuleSetResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorEnvelope })
  version(@Param() params: RiskRuleSetVersionParamDto): Promise<RiskRuleSetResponseDto> {
    return this.ruleSets.get(params.version);
  }

  @Put()
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Replace the rule set (ADMIN): stored as version baseVersion + 1 and audited as RISK_RULES_CHANGED',
    description: 'Cases are assessed with the new set from their next change or screening on.',
  })
  @ApiOkResponse({ type: RiskRuleSetResponseDto })
  @ApiPreconditionFailedResponse({ description: 'VERSION_CONFLICT: baseVersion is not the current version (details.currentVersion)', type: ErrorEnvelope })
  replace(@CurrentUser() actor: Actor, @Body() dto: ReplaceRiskRulesDto, @RequestId() requestId: string): Promise<RiskRuleSetResponseDto> {
    return this.ruleSets.replace(actor, dto, requestId);
  }
}
