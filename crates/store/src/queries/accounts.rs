//! Accounts and who may act: secretariat accounts, focal points' sessions, invitations (their
//! targets, the accreditation lists, accepting one) and password resets.

use consulta_core::{Account, AccountId, EntityId, Role};
use consulta_log::Hash;
use jiff::Timestamp;

use super::audit::insert_audit;
use super::outbox::insert_mail;
use crate::rows::{ACCOUNT_COLUMNS, account_audit, millis};
use crate::sql::{Failure, Sql, args};
use crate::{
    AuditActor, Contact, Invitation, NewAccount, NewMail, NewPasswordReset, NewSession, Result, Selection, Session,
    StoreError,
};

fn insert_account(sql: &mut dyn Sql, new: &NewAccount, email: &str, at: Timestamp) -> Result<Account> {
    let inserted = sql.one(
        "INSERT INTO accounts (email, name, role, entity_id, language, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        args![
            email,
            &new.name,
            new.role.as_str(),
            new.entity.map(|e| e.0),
            &new.language,
            &new.password_hash,
            millis(at)
        ],
    );
    let id = match inserted {
        Err(e) if e.failure() == Some(Failure::Unique) => return Err(StoreError::DuplicateAccount(email.to_owned())),
        other => other?.int(0)?,
    };
    Ok(Account {
        id: AccountId(id),
        email: email.to_owned(),
        name: new.name.clone(),
        role: new.role,
        entity: new.entity,
        language: new.language.clone(),
    })
}

/// Creates an account and audits it.
pub(crate) fn create_account(sql: &mut dyn Sql, new: &NewAccount, by: &AuditActor) -> Result<Account> {
    let account = insert_account(sql, new, &new.email.trim().to_lowercase(), by.at)?;
    insert_audit(sql, &account_audit(&account, by))?;
    Ok(account)
}

fn account_where(sql: &mut dyn Sql, column: &str, value: crate::sql::Arg<'_>) -> Result<Option<Account>> {
    let select = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE {column} = $1");
    sql.row(&select, &[value])?.as_mut().map(crate::rows::account).transpose()
}

pub(crate) fn account(sql: &mut dyn Sql, id: AccountId) -> Result<Option<Account>> {
    account_where(sql, "id", id.0.into())
}

pub(crate) fn sign_in_record(sql: &mut dyn Sql, email: &str) -> Result<Option<(Account, String)>> {
    let select = format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = $1");
    let row = sql.row(&select, args![email.trim().to_lowercase().as_str()])?;
    row.map(|mut r| Ok((crate::rows::account(&mut r)?, r.text(6)?))).transpose()
}

pub(crate) fn create_session(sql: &mut dyn Sql, session: &NewSession) -> Result<()> {
    sql.execute(
        "INSERT INTO sessions (token_sha256, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        args![
            &session.token_sha256,
            session.account.0,
            &session.csrf_token,
            millis(session.created_at),
            millis(session.expires_at),
        ],
    )?;
    Ok(())
}

pub(crate) fn session(sql: &mut dyn Sql, token_sha256: &Hash, now: Timestamp) -> Result<Option<Session>> {
    let select = format!(
        "SELECT {}, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_sha256 = $1 AND s.expires_at > $2",
        ACCOUNT_COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ")
    );
    let row = sql.row(&select, args![token_sha256, millis(now)])?;
    row.map(|mut r| {
        Ok(Session { account: crate::rows::account(&mut r)?, csrf_token: r.text(6)?, expires_at: r.instant(7)? })
    })
    .transpose()
}

pub(crate) fn end_session(sql: &mut dyn Sql, token_sha256: &Hash, now: Timestamp) -> Result<()> {
    sql.execute("DELETE FROM sessions WHERE token_sha256 = $1 OR expires_at <= $2", args![token_sha256, millis(now)])?;
    Ok(())
}

pub(crate) fn invitation_targets(sql: &mut dyn Sql, selection: &Selection) -> Result<Vec<Contact>> {
    let groups: Vec<String> = selection.groups.iter().map(|g| g.as_str().to_owned()).collect();
    let countries: Vec<String> = selection.countries.iter().map(|c| c.as_str().to_owned()).collect();
    // Each kind left empty does not narrow: `$1`, `$3` and `$5` say which are empty.
    let rows = sql.rows(
        "SELECT c.entity_id, e.name, c.email, c.name, c.language
         FROM focal_point_contacts c JOIN entities e ON e.id = c.entity_id
         WHERE ($1 OR c.entity_id IN (
                    SELECT m.entity_id FROM list_members m JOIN accreditation_lists l ON l.id = m.list_id
                    WHERE l.slug = ANY($2)))
           AND ($3 OR e.stakeholder_group = ANY($4))
           AND ($5 OR e.country = ANY($6))
         ORDER BY e.name COLLATE \"C\", c.email COLLATE \"C\"",
        args![
            selection.lists.is_empty(),
            selection.lists.as_slice(),
            groups.is_empty(),
            groups.as_slice(),
            countries.is_empty(),
            countries.as_slice(),
        ],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(Contact {
                entity: EntityId(r.int(0)?),
                entity_name: r.text(1)?,
                email: r.text(2)?,
                name: r.text(3)?,
                language: r.text(4)?,
            })
        })
        .collect()
}

pub(crate) fn accreditation_lists(sql: &mut dyn Sql) -> Result<Vec<(String, String, u64)>> {
    let rows = sql.rows(
        "SELECT l.slug, l.name, COUNT(m.entity_id) FROM accreditation_lists l
         LEFT JOIN list_members m ON m.list_id = l.id GROUP BY l.id ORDER BY l.slug COLLATE \"C\"",
        &[],
    )?;
    rows.into_iter().map(|mut r| Ok((r.text(0)?, r.text(1)?, r.count(2)?))).collect()
}

pub(crate) fn invitation(sql: &mut dyn Sql, token_sha256: &Hash) -> Result<Option<Invitation>> {
    let row = sql.row(
        "SELECT k.slug, i.entity_id, e.name, i.email, i.language, i.expires_at, i.used_at
         FROM invitations i JOIN consultations k ON k.id = i.consultation_id JOIN entities e ON e.id = i.entity_id
         WHERE i.token_sha256 = $1",
        args![token_sha256],
    )?;
    row.map(|mut r| {
        Ok(Invitation {
            consultation_slug: r.text(0)?,
            entity: EntityId(r.int(1)?),
            entity_name: r.text(2)?,
            email: r.text(3)?,
            language: r.text(4)?,
            expires_at: r.instant(5)?,
            used_at: r.opt_instant(6)?,
        })
    })
    .transpose()
}

/// Uses an invitation: the focal point's account (created, or the one this address already
/// has for this entity), and the invitation marked used.
pub(crate) fn accept_invitation(
    sql: &mut dyn Sql,
    token_sha256: &Hash,
    new: &NewAccount,
    now: Timestamp,
) -> Result<Account> {
    let found = sql.row(
        "SELECT entity_id, email, expires_at, used_at FROM invitations WHERE token_sha256 = $1",
        args![token_sha256],
    )?;
    let Some(mut found) = found else { return Err(StoreError::UnknownInvitation) };
    let (entity, email, expires_at) = (EntityId(found.int(0)?), found.text(1)?, found.int(2)?);
    if found.opt_int(3)?.is_some() {
        return Err(StoreError::InvitationUsed);
    }
    if expires_at <= millis(now) {
        return Err(StoreError::InvitationExpired);
    }
    let account = match account_where(sql, "email", email.as_str().into())? {
        Some(account) if account.entity == Some(entity) => account,
        Some(account) => return Err(StoreError::DuplicateAccount(account.email)),
        None => {
            let focal_point = NewAccount { role: Role::FocalPoint, entity: Some(entity), ..new.clone() };
            insert_account(sql, &focal_point, &email, now)?
        }
    };
    sql.execute(
        "UPDATE invitations SET used_at = $2, account_id = $3 WHERE token_sha256 = $1",
        args![token_sha256, millis(now), account.id.0],
    )?;
    Ok(account)
}

/// Records a password reset link and queues its email.
pub(crate) fn create_password_reset(sql: &mut dyn Sql, reset: &NewPasswordReset, mail: &NewMail) -> Result<()> {
    sql.execute(
        "INSERT INTO password_resets (token_sha256, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        args![&reset.token_sha256, reset.account.0, millis(reset.created_at), millis(reset.expires_at)],
    )?;
    insert_mail(sql, mail)?;
    Ok(())
}

/// Uses a reset link: the new password, and every session of the account ended.
pub(crate) fn use_password_reset(
    sql: &mut dyn Sql,
    token_sha256: &Hash,
    password_hash: &str,
    now: Timestamp,
) -> Result<Option<AccountId>> {
    let row = sql.row(
        "UPDATE password_resets SET used_at = $2
         WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id",
        args![token_sha256, millis(now)],
    )?;
    let Some(row) = row else { return Ok(None) };
    let account = row.int(0)?;
    sql.execute("UPDATE accounts SET password_hash = $2 WHERE id = $1", args![account, password_hash])?;
    sql.execute("DELETE FROM sessions WHERE account_id = $1", args![account])?;
    Ok(Some(AccountId(account)))
}
