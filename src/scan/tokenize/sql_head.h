// Parsing of SQL statement heads for the dump tokenizer: the table and column names of
// INSERT INTO ... (cols) VALUES, COPY ... (cols) FROM stdin and CREATE TABLE bodies;
// and the CREATE TABLE text that parses back to given names (sql_resume.h).
// Pure functions; thread-safe; never fail (unknown shapes give empty results).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bd::scan::tokenize {

struct SqlHead {
  std::string table;                 // unquoted, without schema
  std::vector<std::string> columns;  // empty when the statement lists none
};

// "INSERT [IGNORE] INTO `db`.`t` (`a`, `b`) VALUES" or "COPY public.t (a, b) FROM stdin".
SqlHead parse_insert_or_copy_head(std::string_view head);
// The table name of "CREATE TABLE [IF NOT EXISTS] name".
std::string parse_create_table_name(std::string_view head);
// Column names of a CREATE TABLE body (the text between the outer parentheses).
std::vector<std::string> parse_create_columns(std::string_view body);
// "CREATE TABLE `name` (`a`,`b`);\n", which parse_create_table_name and
// parse_create_columns read back as `name` and `columns` (names as they return them:
// without backticks, dots or surrounding spaces).
std::string create_table_statement(std::string_view name, const std::vector<std::string>& columns);
// Upper-cased ASCII copy.
std::string upper_ascii(std::string_view s);

}  // namespace bd::scan::tokenize
