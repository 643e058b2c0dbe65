# verbatim: PGXS build.
#
# The version lives in META.json alone; the control file and the version
# compiled into the library are derived from it here.

EXTENSION = verbatim
EXTVERSION = $(shell sed -n 's/^   "version": "\([^"]*\)",*$$/\1/p' $(srcdir)/META.json)

MODULE_big = verbatim
CORE_OBJS = src/vb_runtime.o src/vb_utf8.o src/vb_quotes.o src/vb_patterns.o \
	src/vb_names.o src/vb_attrib.o src/vb_extract.o src/vb_normalize.o \
	src/vb_align.o src/vb_check.o src/vb_window.o src/vb_fingerprint.o
OBJS = $(CORE_OBJS) src/pg_verbatim.o src/pg_extract.o src/pg_check.o \
	src/pg_fingerprint.o src/pg_fingerprint_gin.o

DATA = $(filter-out $(wildcard $(srcdir)/verbatim--*--*.sql),$(wildcard $(srcdir)/verbatim--*.sql)) \
	$(wildcard $(srcdir)/verbatim--*--*.sql)
EXTRA_CLEAN = verbatim.control test/build

PCRE2_CFLAGS = $(shell pkg-config --cflags libpcre2-8)
PCRE2_LIBS = $(shell pkg-config --libs libpcre2-8)
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(shell $(PG_CONFIG) --includedir-server) $(PCRE2_CFLAGS) -DVERBATIM_VERSION=\"$(EXTVERSION)\"
PG_CFLAGS = -Wall -Wextra
SHLIB_LINK = $(PCRE2_LIBS)

REGRESS = setup extraction attribution storage ingest check fidelity fingerprint \
	reproductions security hostile errors
REGRESS_OPTS = --inputdir=$(srcdir) --encoding=UTF8

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

all: verbatim.control

verbatim.control: $(srcdir)/verbatim.control.in $(srcdir)/META.json
	sed 's/@VERSION@/$(EXTVERSION)/' $< > $@

install: verbatim.control

# The version is compiled into the library: rebuild when it changes.
src/pg_verbatim.o: $(srcdir)/META.json

# PGXS tracks no header dependencies (unless the server was configured with
# --enable-depend): every object is rebuilt when any header changes, since
# a changed struct in a stale object corrupts memory.
$(OBJS): $(wildcard $(srcdir)/src/*.h)

# The standalone text core: unit tests, benchmark, fuzzers (see test/).
core-tools:
	$(MAKE) -C $(srcdir)/test/core

.PHONY: core-tools
