import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../common/errors/domain-error';
import { ErrorEnvelope } from '../common/errors/error-envelope';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers HTTP' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers a ping within 1.5 s' })
  @ApiServiceUnavailableResponse({ type: ErrorEnvelope })
  async ready() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Only up/down per dependency: driver messages would leak hosts and ports to anonymous callers.
      const body = error.getResponse() as { error?: Record<string, { status: string }> };
      const down = Object.fromEntries(Object.entries(body.error ?? {}).map(([name, v]) => [name, v.status]));
      throw new DomainError('SERVICE_UNAVAILABLE', 'The service is not ready: a dependency is down.', down);
    }
  }
}
