/* verbatim--0.2.0--0.3.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION verbatim UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0: hardening.
