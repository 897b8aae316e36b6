"""Alembic's entry point for the gradebook's migrations.

The gradebook runs these itself when it opens a database (`simulator.rounds.gradebook._migrate`),
handing over a connection that already holds the migration lock; nothing here opens one.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
