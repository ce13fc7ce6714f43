package squirrel

import (
	"context"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// SquirrelService answers symbol questions about one file at a time.
type SquirrelService struct {
	readFile            ReadFileFunc
	parser              *sitter.Parser
	closables           []func()
	errorOnParseFailure bool
}

// ReadFileFunc returns the content of a file at a commit.
type ReadFileFunc func(ctx context.Context, path RepoCommitPath) ([]byte, error)

// RepoCommitPath names a file in a repository at a commit.
type RepoCommitPath struct {
	Repo   string
	Commit string
	Path   string
}

// New returns a service that reads files with readFile.
func New(readFile ReadFileFunc) *SquirrelService {
	return &SquirrelService{readFile: readFile, parser: sitter.NewParser()}
}

// Close releases the parsers the service opened.
func (s *SquirrelService) Close() {
	for _, close := range s.closables {
		close()
	}
}

// SymbolInfo finds the definition of the symbol at point, if the language is supported.
func (s *SquirrelService) SymbolInfo(ctx context.Context, point Point) (*SymbolInfo, error) {
	if !strings.Contains(point.Path, ".") {
		return nil, nil
	}
	node, err := s.parse(ctx, point.RepoCommitPath)
	if err != nil {
		return nil, err
	}
	return s.definition(ctx, node, point)
}
