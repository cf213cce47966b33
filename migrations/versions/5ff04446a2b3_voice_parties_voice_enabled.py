"""Issue 18: a party's voice chat switch (parties.voice_enabled, on for existing parties)

Revision ID: 5ff04446a2b3
Revises: a82b3b4c5882
Create Date: 2026-12-07 17:24:38.055106

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5ff04446a2b3'
down_revision = 'a82b3b4c5882'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('voice_enabled', sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade():
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.drop_column('voice_enabled')
