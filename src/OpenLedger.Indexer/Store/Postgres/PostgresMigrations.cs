namespace OpenLedger.Indexer.Store.Postgres;

/// <summary>
/// The PostgreSQL schema, migration for migration the same as <see cref="Sqlite.SqliteMigrations"/> (version N means the
/// same tables, keys and indexes on both engines) in PostgreSQL's types: bigint for integers, boolean for flags, bytea
/// for the contributions' ids, hashes and contributor. Never edit a published migration: append a new one, to both lists.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: cursor, reorg window, event tables and derived state.
        """
        CREATE TABLE cursor (id bigint PRIMARY KEY CHECK (id = 1), block_number bigint NOT NULL, block_hash text NOT NULL);
        CREATE TABLE block_hashes (block_number bigint PRIMARY KEY, block_hash text NOT NULL);

        CREATE TABLE models (
          model_id bigint PRIMARY KEY, owner text NOT NULL, metadata_uri text NOT NULL,
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          min_bond text NOT NULL DEFAULT '0', bond_lock bigint NOT NULL DEFAULT 0, dispute_window bigint NOT NULL DEFAULT 0,
          owner_bps bigint NOT NULL DEFAULT 0, pool_bps bigint NOT NULL DEFAULT 0, commit_reveal boolean NOT NULL DEFAULT false);
        CREATE TABLE model_policies (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          min_bond text NOT NULL, bond_lock bigint NOT NULL, dispute_window bigint NOT NULL,
          owner_bps bigint NOT NULL, pool_bps bigint NOT NULL, commit_reveal boolean NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX model_policies_model ON model_policies (model_id);

        CREATE TABLE validator_updates (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          model_id bigint NOT NULL, validator text NOT NULL, allowed boolean NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX validator_updates_key ON validator_updates (model_id, validator);
        CREATE TABLE validators (
          model_id bigint NOT NULL, validator text NOT NULL, allowed boolean NOT NULL, updated_block bigint NOT NULL,
          PRIMARY KEY (model_id, validator));

        CREATE TABLE commitments (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          commitment text NOT NULL, committer text NOT NULL, commit_block bigint NOT NULL, PRIMARY KEY (block_number, log_index));

        CREATE TABLE contributions (
          id text PRIMARY KEY, model_id bigint NOT NULL, contributor text NOT NULL, content_hash text NOT NULL,
          kind bigint NOT NULL, uri text NOT NULL, bond text NOT NULL,
          block_number bigint NOT NULL, log_index bigint NOT NULL, batch_index bigint NOT NULL, tx_hash text NOT NULL,
          status text NOT NULL DEFAULT 'active', current_bond text NOT NULL,
          UNIQUE (block_number, log_index, batch_index));
        CREATE INDEX contributions_model ON contributions (model_id, block_number, log_index, batch_index);
        CREATE INDEX contributions_contributor ON contributions (contributor, block_number, log_index, batch_index);

        CREATE TABLE flags (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          contribution_id text NOT NULL, actor text NOT NULL, action text NOT NULL, reason text, PRIMARY KEY (block_number, log_index));
        CREATE INDEX flags_contribution ON flags (contribution_id);
        CREATE TABLE slashes (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          contribution_id text NOT NULL, model_id bigint NOT NULL, amount text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX slashes_contribution ON slashes (contribution_id);
        CREATE TABLE bond_withdrawals (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL,
          contribution_id text NOT NULL, contributor text NOT NULL, amount text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX bond_withdrawals_contribution ON bond_withdrawals (contribution_id);

        CREATE TABLE revenue_deposits (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          depositor text NOT NULL, amount text NOT NULL, to_owner text NOT NULL, to_reward_pool text NOT NULL, to_holders text NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX revenue_deposits_model ON revenue_deposits (model_id);
        CREATE TABLE pending_revenue_releases (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          amount text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE TABLE revenue_withdrawals (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          account text NOT NULL, amount text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX revenue_withdrawals_model ON revenue_withdrawals (model_id, account);

        CREATE TABLE share_transfers (
          block_number bigint NOT NULL, log_index bigint NOT NULL, batch_index bigint NOT NULL, tx_hash text NOT NULL,
          operator text NOT NULL, from_address text NOT NULL, to_address text NOT NULL, model_id bigint NOT NULL, amount text NOT NULL,
          PRIMARY KEY (block_number, log_index, batch_index));
        CREATE INDEX share_transfers_from ON share_transfers (model_id, from_address);
        CREATE INDEX share_transfers_to ON share_transfers (model_id, to_address);
        CREATE TABLE share_balances (
          model_id bigint NOT NULL, account text NOT NULL, balance text NOT NULL, PRIMARY KEY (model_id, account));

        CREATE TABLE reward_pool_fundings (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          from_address text NOT NULL, amount text NOT NULL, PRIMARY KEY (block_number, log_index));

        CREATE TABLE epoch_postings (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          epoch bigint NOT NULL, root text NOT NULL, total_open text NOT NULL, total_shares text NOT NULL,
          report_hash text NOT NULL, report_uri text NOT NULL, challenge_ends_at bigint NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX epoch_postings_key ON epoch_postings (model_id, epoch);
        CREATE TABLE epoch_vetoes (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          epoch bigint NOT NULL, vetoed_by text NOT NULL, reason text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX epoch_vetoes_key ON epoch_vetoes (model_id, epoch);
        CREATE TABLE claims (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          epoch bigint NOT NULL, account text NOT NULL, leaf_index bigint NOT NULL, open_amount text NOT NULL,
          share_amount text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX claims_key ON claims (model_id, epoch, account);
        CREATE TABLE epochs (
          model_id bigint NOT NULL, epoch bigint NOT NULL, status text NOT NULL, root text NOT NULL,
          total_open text NOT NULL, total_shares text NOT NULL, report_hash text NOT NULL, report_uri text NOT NULL,
          challenge_ends_at bigint NOT NULL, posted_block bigint NOT NULL,
          claimed_open text NOT NULL, claimed_shares text NOT NULL, claim_count bigint NOT NULL,
          PRIMARY KEY (model_id, epoch));
        CREATE TABLE challenge_window_updates (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, seconds bigint NOT NULL,
          PRIMARY KEY (block_number, log_index));
        """,
        // 2: PendingRevenueReleased is gone from the contract.
        """
        DROP TABLE pending_revenue_releases;
        """,
        // 3: contributions keep ids, hashes and the contributor as bytes and are keyed by their chain position.
        """
        CREATE TABLE contributions_v3 (
          block_number bigint NOT NULL, log_index bigint NOT NULL, batch_index bigint NOT NULL,
          id bytea NOT NULL, model_id bigint NOT NULL, contributor bytea NOT NULL, content_hash bytea NOT NULL,
          kind bigint NOT NULL, uri text NOT NULL, bond text NOT NULL, tx_hash bytea NOT NULL,
          status text NOT NULL DEFAULT 'active', current_bond text NOT NULL,
          PRIMARY KEY (block_number, log_index, batch_index));
        INSERT INTO contributions_v3
        SELECT block_number, log_index, batch_index, decode(substr(id, 3), 'hex'), model_id, decode(substr(contributor, 3), 'hex'),
               decode(substr(content_hash, 3), 'hex'), kind, uri, bond, decode(substr(tx_hash, 3), 'hex'), status, current_bond
        FROM contributions;
        DROP TABLE contributions;
        ALTER TABLE contributions_v3 RENAME TO contributions;
        ALTER INDEX contributions_v3_pkey RENAME TO contributions_pkey;
        CREATE UNIQUE INDEX contributions_id ON contributions (id);
        CREATE INDEX contributions_model ON contributions (model_id);
        CREATE INDEX contributions_contributor ON contributions (contributor);
        """,
        // 4: the /accounts routes' indexes, leading with the account.
        """
        CREATE INDEX claims_account ON claims (account, block_number, log_index);
        CREATE INDEX revenue_withdrawals_account ON revenue_withdrawals (account, block_number, log_index);
        CREATE INDEX share_balances_account ON share_balances (account, model_id);
        """,
        // 5: supersessions; a contribution id may have more than one registration.
        """
        CREATE TABLE supersessions (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, contribution_id text NOT NULL,
          model_id bigint NOT NULL, contributor text NOT NULL, superseded_by text NOT NULL, forfeited text NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX supersessions_contribution ON supersessions (contribution_id);
        DROP INDEX contributions_id;
        CREATE INDEX contributions_id ON contributions (id);
        """,
        // 6: evaluation commitments.
        """
        CREATE TABLE evaluation_commitments (
          block_number bigint NOT NULL, log_index bigint NOT NULL, tx_hash text NOT NULL, model_id bigint NOT NULL,
          epoch bigint NOT NULL, test_set_hash text NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX evaluation_commitments_key ON evaluation_commitments (model_id, epoch);
        """,
        // 7: the leader lease's term (see SqliteMigrations 7).
        """
        CREATE TABLE leader_lease (id bigint PRIMARY KEY CHECK (id = 1), term bigint NOT NULL, holder text NOT NULL, since text NOT NULL);
        """,
        // 8: the sealing block's hash with each evaluation commitment and the policy's minimum precision (see SqliteMigrations 8).
        """
        ALTER TABLE models ADD COLUMN min_precision_bps bigint NOT NULL DEFAULT 0;
        ALTER TABLE model_policies ADD COLUMN min_precision_bps bigint NOT NULL DEFAULT 0;
        ALTER TABLE evaluation_commitments ADD COLUMN block_hash text NOT NULL DEFAULT '';
        UPDATE evaluation_commitments SET block_hash = COALESCE(
          (SELECT h.block_hash FROM block_hashes h WHERE h.block_number = evaluation_commitments.block_number), '');
        """,
    ];
}
