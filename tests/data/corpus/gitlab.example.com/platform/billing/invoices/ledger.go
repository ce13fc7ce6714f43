package invoices

import (
	"errors"
	"time"
)

// Entry is one line of the ledger, in cents.
type Entry struct {
	At          time.Time
	Account     string
	AmountCents int64
	Memo        string
}

// Ledger is an append-only list of entries.
type Ledger struct {
	entries []Entry
}

// ErrZeroAmount is returned for entries that would change nothing.
var ErrZeroAmount = errors.New("invoices: an entry needs a non-zero amount")

// Append adds an entry; a correction is a new entry with the opposite amount.
func (l *Ledger) Append(entry Entry) error {
	if entry.AmountCents == 0 {
		return ErrZeroAmount
	}
	l.entries = append(l.entries, entry)
	return nil
}

// Balance sums the entries of one account.
func (l *Ledger) Balance(account string) int64 {
	var total int64
	for _, entry := range l.entries {
		if entry.Account == account {
			total += entry.AmountCents
		}
	}
	return total
}
