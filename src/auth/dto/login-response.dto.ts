import { ApiProperty } from '@nestjs/swagger';
import { type Role, ROLES } from '../../users/role';

export class ActorResponseDto {
  @ApiProperty({ description: 'User id', format: 'uuid', example: '0d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22' })
  id: string;

  @ApiProperty({ description: 'Sign-in name, lower-case', example: 'wangjh' })
  username: string;

  @ApiProperty({ description: 'Name shown to colleagues', example: '王建华' })
  displayName: string;

  @ApiProperty({ description: 'Role', enum: ROLES, example: 'MEDIATOR' })
  role: Role;

  @ApiProperty({ description: 'The organization the user works for', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  organizationId: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…' })
  accessToken: string;

  @ApiProperty({ description: 'Always Bearer', enum: ['Bearer'], example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 })
  expiresIn: number;

  @ApiProperty({ description: 'The signed-in user', type: ActorResponseDto })
  user: ActorResponseDto;
}
