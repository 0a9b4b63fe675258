namespace OpenLedger.Indexer.Store.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations; schema_version records the last one applied. Never edit a
/// published migration: append a new one. Event tables are keyed by (block_number, log_index[, batch_index]).
/// Addresses and hashes are 0x lower-case text, except in contributions (bytes, see migration 3).
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: cursor, reorg window, event tables and derived state.
        """
        CREATE TABLE cursor (id INTEGER PRIMARY KEY CHECK (id = 1), block_number INTEGER NOT NULL, block_hash TEXT NOT NULL);
        CREATE TABLE block_hashes (block_number INTEGER PRIMARY KEY, block_hash TEXT NOT NULL);

        CREATE TABLE models (
          model_id INTEGER PRIMARY KEY, owner TEXT NOT NULL, metadata_uri TEXT NOT NULL,
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          -- derived: the latest row of model_policies
          min_bond TEXT NOT NULL DEFAULT '0', bond_lock INTEGER NOT NULL DEFAULT 0, dispute_window INTEGER NOT NULL DEFAULT 0,
          owner_bps INTEGER NOT NULL DEFAULT 0, pool_bps INTEGER NOT NULL DEFAULT 0, commit_reveal INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE model_policies (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          min_bond TEXT NOT NULL, bond_lock INTEGER NOT NULL, dispute_window INTEGER NOT NULL,
          owner_bps INTEGER NOT NULL, pool_bps INTEGER NOT NULL, commit_reveal INTEGER NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX model_policies_model ON model_policies (model_id);

        CREATE TABLE validator_updates (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          model_id INTEGER NOT NULL, validator TEXT NOT NULL, allowed INTEGER NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX validator_updates_key ON validator_updates (model_id, validator);
        CREATE TABLE validators (
          model_id INTEGER NOT NULL, validator TEXT NOT NULL, allowed INTEGER NOT NULL, updated_block INTEGER NOT NULL,
          PRIMARY KEY (model_id, validator));

        CREATE TABLE commitments (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          commitment TEXT NOT NULL, committer TEXT NOT NULL, commit_block INTEGER NOT NULL, PRIMARY KEY (block_number, log_index));

        CREATE TABLE contributions (
          id TEXT PRIMARY KEY, model_id INTEGER NOT NULL, contributor TEXT NOT NULL, content_hash TEXT NOT NULL,
          kind INTEGER NOT NULL, uri TEXT NOT NULL, bond TEXT NOT NULL,
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, batch_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          -- derived from flags, slashes and bond withdrawals
          status TEXT NOT NULL DEFAULT 'active', current_bond TEXT NOT NULL,
          UNIQUE (block_number, log_index, batch_index));
        CREATE INDEX contributions_model ON contributions (model_id, block_number, log_index, batch_index);
        CREATE INDEX contributions_contributor ON contributions (contributor, block_number, log_index, batch_index);

        CREATE TABLE flags (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          contribution_id TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, reason TEXT, PRIMARY KEY (block_number, log_index));
        CREATE INDEX flags_contribution ON flags (contribution_id);
        CREATE TABLE slashes (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          contribution_id TEXT NOT NULL, model_id INTEGER NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX slashes_contribution ON slashes (contribution_id);
        CREATE TABLE bond_withdrawals (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          contribution_id TEXT NOT NULL, contributor TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX bond_withdrawals_contribution ON bond_withdrawals (contribution_id);

        CREATE TABLE revenue_deposits (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          depositor TEXT NOT NULL, amount TEXT NOT NULL, to_owner TEXT NOT NULL, to_reward_pool TEXT NOT NULL, to_holders TEXT NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX revenue_deposits_model ON revenue_deposits (model_id);
        CREATE TABLE pending_revenue_releases (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE TABLE revenue_withdrawals (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          account TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX revenue_withdrawals_model ON revenue_withdrawals (model_id, account);

        CREATE TABLE share_transfers (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, batch_index INTEGER NOT NULL, tx_hash TEXT NOT NULL,
          operator TEXT NOT NULL, from_address TEXT NOT NULL, to_address TEXT NOT NULL, model_id INTEGER NOT NULL, amount TEXT NOT NULL,
          PRIMARY KEY (block_number, log_index, batch_index));
        CREATE INDEX share_transfers_from ON share_transfers (model_id, from_address);
        CREATE INDEX share_transfers_to ON share_transfers (model_id, to_address);
        CREATE TABLE share_balances (
          model_id INTEGER NOT NULL, account TEXT NOT NULL, balance TEXT NOT NULL, PRIMARY KEY (model_id, account));

        CREATE TABLE reward_pool_fundings (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          from_address TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));

        CREATE TABLE epoch_postings (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          epoch INTEGER NOT NULL, root TEXT NOT NULL, total_open TEXT NOT NULL, total_shares TEXT NOT NULL,
          report_hash TEXT NOT NULL, report_uri TEXT NOT NULL, challenge_ends_at INTEGER NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX epoch_postings_key ON epoch_postings (model_id, epoch);
        CREATE TABLE epoch_vetoes (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          epoch INTEGER NOT NULL, vetoed_by TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX epoch_vetoes_key ON epoch_vetoes (model_id, epoch);
        CREATE TABLE claims (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          epoch INTEGER NOT NULL, account TEXT NOT NULL, leaf_index INTEGER NOT NULL, open_amount TEXT NOT NULL,
          share_amount TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX claims_key ON claims (model_id, epoch, account);
        CREATE TABLE epochs (
          model_id INTEGER NOT NULL, epoch INTEGER NOT NULL, status TEXT NOT NULL, root TEXT NOT NULL,
          total_open TEXT NOT NULL, total_shares TEXT NOT NULL, report_hash TEXT NOT NULL, report_uri TEXT NOT NULL,
          challenge_ends_at INTEGER NOT NULL, posted_block INTEGER NOT NULL,
          claimed_open TEXT NOT NULL, claimed_shares TEXT NOT NULL, claim_count INTEGER NOT NULL,
          PRIMARY KEY (model_id, epoch));
        CREATE TABLE challenge_window_updates (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, seconds INTEGER NOT NULL,
          PRIMARY KEY (block_number, log_index));
        """,
        // 2: ModelShares no longer keeps revenue that arrives before any share exists (it goes to the reward pool,
        // so the first claimant cannot take it all), and PendingRevenueReleased is gone from the contract.
        """
        DROP TABLE pending_revenue_releases;
        """,
        // 3: contributions, nearly all of the rows, keep ids, hashes and the contributor as bytes instead of 0x text, and
        // are keyed by their chain position: the table is stored in that order, so the position needs no index of its
        // own and the model and contributor indexes list in chain order through the key. Inserting 100,000 contributions
        // writes 40% fewer bytes (79 MB against 132 MB, WAL included) and takes about 25% less CPU (0.42 s against 0.58 s).
        """
        CREATE TABLE contributions_v3 (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, batch_index INTEGER NOT NULL,
          id BLOB NOT NULL, model_id INTEGER NOT NULL, contributor BLOB NOT NULL, content_hash BLOB NOT NULL,
          kind INTEGER NOT NULL, uri TEXT NOT NULL, bond TEXT NOT NULL, tx_hash BLOB NOT NULL,
          -- derived from flags, slashes and bond withdrawals
          status TEXT NOT NULL DEFAULT 'active', current_bond TEXT NOT NULL,
          PRIMARY KEY (block_number, log_index, batch_index)) WITHOUT ROWID;
        INSERT INTO contributions_v3
        SELECT block_number, log_index, batch_index, unhex(substr(id, 3)), model_id, unhex(substr(contributor, 3)),
               unhex(substr(content_hash, 3)), kind, uri, bond, unhex(substr(tx_hash, 3)), status, current_bond
        FROM contributions;
        DROP TABLE contributions;
        ALTER TABLE contributions_v3 RENAME TO contributions;
        CREATE UNIQUE INDEX contributions_id ON contributions (id);
        CREATE INDEX contributions_model ON contributions (model_id);
        CREATE INDEX contributions_contributor ON contributions (contributor);
        """,
        // 4: an account's claims, revenue withdrawals and share balances (the /accounts routes) were read by scanning each
        // table whole; these indexes lead with the account, in the order the routes list.
        """
        CREATE INDEX claims_account ON claims (account, block_number, log_index);
        CREATE INDEX revenue_withdrawals_account ON revenue_withdrawals (account, block_number, log_index);
        CREATE INDEX share_balances_account ON share_balances (account, model_id);
        """,
        // 5: a reveal can take content back from a registration made after its commitment (ContributionSuperseded). The id
        // is content-addressed, so the superseded registration and the revealer's share it: the id is no longer unique in
        // contributions (each registration stays its own row, keyed by chain position, status 'superseded' for the
        // earlier one), and supersessions is an event table like slashes.
        """
        CREATE TABLE supersessions (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, contribution_id TEXT NOT NULL,
          model_id INTEGER NOT NULL, contributor TEXT NOT NULL, superseded_by TEXT NOT NULL, forfeited TEXT NOT NULL,
          PRIMARY KEY (block_number, log_index));
        CREATE INDEX supersessions_contribution ON supersessions (contribution_id);
        DROP INDEX contributions_id;
        CREATE INDEX contributions_id ON contributions (id);
        """,
        // 6: the evaluation set a model owner seals for an epoch before it is posted (RewardDistributor.commitEvaluationSet);
        // the report cross-check and the epoch routes read it by (model, epoch). An event table like the others, so a
        // reorg deletes a commitment with its block.
        """
        CREATE TABLE evaluation_commitments (
          block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash TEXT NOT NULL, model_id INTEGER NOT NULL,
          epoch INTEGER NOT NULL, test_set_hash TEXT NOT NULL, PRIMARY KEY (block_number, log_index));
        CREATE INDEX evaluation_commitments_key ON evaluation_commitments (model_id, epoch);
        """,
        // 7: the leader lease's term. An indexer that becomes the leader (see Sync/ILeaderLease) increments it, and every
        // write transaction checks that it still carries the term it took, so a leader that lost its lease cannot write
        // after its successor started. No row until the first leader takes the lease.
        """
        CREATE TABLE leader_lease (id INTEGER PRIMARY KEY CHECK (id = 1), term INTEGER NOT NULL, holder TEXT NOT NULL, since TEXT NOT NULL);
        """,
        // 8: a report's precision subsets are drawn from the hash of the block that sealed the epoch's evaluation set, so
        // the node keeps that hash with the commitment. Rows indexed before are filled from the reorg window where it still
        // holds their block; older ones keep '' and the report check asks the chain for the hash instead. A model's policy
        // gains minPrecisionBps (0 = none); policies indexed before had none, as the contract had no such field.
        """
        ALTER TABLE models ADD COLUMN min_precision_bps INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE model_policies ADD COLUMN min_precision_bps INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE evaluation_commitments ADD COLUMN block_hash TEXT NOT NULL DEFAULT '';
        UPDATE evaluation_commitments SET block_hash = COALESCE(
          (SELECT h.block_hash FROM block_hashes h WHERE h.block_number = evaluation_commitments.block_number), '');
        """,
    ];
}
