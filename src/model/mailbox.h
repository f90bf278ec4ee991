/* mailbox.h — which account reads a mailbox, for mail written to mailboxes rather than to
 * accounts (the deadline reminders go to a board's published mailbox and the addresses its
 * administrators list, jobs/reminders.h): a mailbox that is an account's is written to in that
 * account's language (users.language, #16), any other in the site's default, Vietnamese. Only a
 * keyed tag of the address is kept (users.mailbox_tag, migration 0043), never the address. */
#ifndef CONG_MODEL_MAILBOX_H
#define CONG_MODEL_MAILBOX_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct actor;
struct errs;

/* Names ADDR ("" or NULL: none) as the mailbox of account USERNAME: the system administrator for
 * any account, an account for itself. Audited ("user.mailbox", without the address). Errors under
 * "email" ("email_invalid") and "username" ("user_unknown"). M_OK, M_INVALID, M_DENIED, M_ERROR. */
int user_mailbox_set(struct db *db, const struct actor *a, const char *username, const char *addr, struct errs *e);

/* 1 when account UID has named its mailbox, 0 when not, -1 on a store error. */
int user_mailbox_linked(struct db *db, int64_t uid);

/* The language each of the N addresses ADDRS is written to in: the language of the enabled
 * account whose mailbox it is, when that account chose one other than Vietnamese, else "vi".
 * LANGS[i] gets a code of at most 15 bytes. 0, or -1 on a store error (every language "vi"). */
int mailbox_languages(struct db *db, const char *const *addrs, size_t n, char (*langs)[16]);

#endif
