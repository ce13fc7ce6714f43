package squirrel

import (
	"context"
	"os"
	"testing"
)

func readTestFile(ctx context.Context, path RepoCommitPath) ([]byte, error) {
	return os.ReadFile("test_repos/" + path.Path)
}

func TestSymbolInfoFindsLocalDefinition(t *testing.T) {
	squirrel := New(readTestFile)
	defer squirrel.Close()

	info, err := squirrel.SymbolInfo(context.Background(), Point{
		RepoCommitPath: RepoCommitPath{Repo: "test", Commit: "HEAD", Path: "python/example.py"},
		Row:            4,
		Column:         8,
	})
	if err != nil {
		t.Fatal(err)
	}
	if info == nil || info.Definition.Row != 1 {
		t.Fatalf("want the definition on row 1, got %+v", info)
	}
}
