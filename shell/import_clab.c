/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_clab.c - `nsh --import clab FILE.clab.yml`: a containerlab
 * topology whose nodes are `kind: linux` (and `kind: bridge`) as a .nsh
 * lab.  Read with libyaml (Debian's libyaml-dev: a YAML reader written by
 * hand would get the language wrong).
 *
 * A linux node becomes a namespace with lo up; a bridge node a bridge in
 * nsh's own namespace; a link `endpoints: ["a:eth1", "b:eth1"]` a veth
 * named as its endpoints say (on a bridge's side: a port of it), both
 * ends up as containerlab brings them; a node's `sysctls:` and `exec:`
 * lines run inside it.  Anything else (images, binds, ports, the
 * management network's eth0, other kinds) is listed as not imported.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core.h"
#include "import.h"

struct clab {
	const char *file;
	yaml_document_t doc;
	int unmapped;
};

/* ------------------------------------------------------------ yaml */

static yaml_node_t *node(struct clab *c, int i)
{
	return i ? yaml_document_get_node(&c->doc, i) : NULL;
}

static const char *scalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ?
		       (const char *)n->data.scalar.value : NULL;
}

/* the value of KEY in mapping M, or NULL */
static yaml_node_t *get(struct clab *c, yaml_node_t *m, const char *key)
{
	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(c, p->key));

		if (k && streq(k, key))
			return node(c, p->value);
	}
	return NULL;
}

static const char *get_str(struct clab *c, yaml_node_t *m, const char *key)
{
	return scalar(get(c, m, key));
}

static int line_of(yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

/* ------------------------------------------------------------ nodes */

static const char *node_kind(struct clab *c, yaml_node_t *topo,
			     yaml_node_t *n)
{
	const char *k = get_str(c, n, "kind");

	if (!k)
		k = get_str(c, get(c, topo, "defaults"), "kind");
	return k ? k : "";
}

static void emit_nodes(struct clab *c, yaml_node_t *topo, yaml_node_t *nodes)
{
	printf("\n## the nodes\n");
	for (yaml_node_pair_t *p = nodes->data.mapping.pairs.start;
	     p < nodes->data.mapping.pairs.top; p++) {
		const char *name = scalar(node(c, p->key));
		yaml_node_t *n = node(c, p->value);
		const char *kind = node_kind(c, topo, n);

		if (!name)
			continue;
		if (streq(kind, "linux"))
			printf("ip netns add %s\n", name);
		else if (streq(kind, "bridge"))
			printf("ip link add %s type bridge\nip link set %s up\n",
			       name, name);
		else
			import_skip(&c->unmapped, c->file,
				    line_of(node(c, p->key)), name,
				    "a node of a kind other than linux or "
				    "bridge");
	}
}

static bool is_kind(struct clab *c, yaml_node_t *topo, const char *name,
		    const char *kind)
{
	yaml_node_t *n = get(c, get(c, topo, "nodes"), name);

	return n && streq(node_kind(c, topo, n), kind);
}

/* "node:ifname" (or a mapping node:/interface:) into NODE and IF */
static bool endpoint(struct clab *c, yaml_node_t *e, char *nodebuf,
		     char *ifbuf)
{
	const char *s = scalar(e), *colon;

	if (!s) {
		const char *n = get_str(c, e, "node"),
			   *i = get_str(c, e, "interface");

		if (!n || !i)
			return false;
		snprintf(nodebuf, 64, "%s", n);
		snprintf(ifbuf, 16, "%s", i);
		return true;
	}
	colon = strchr(s, ':');
	if (!colon || colon == s || strlen(colon + 1) > 15 ||
	    colon - s >= 64)
		return false;
	snprintf(nodebuf, 64, "%.*s", (int)(colon - s), s);
	snprintf(ifbuf, 16, "%s", colon + 1);
	return true;
}

/* one end's words: "IF netns NODE" for a node, "IF" for a bridge */
static void end_words(struct clab *c, yaml_node_t *topo, const char *n,
		      const char *ifn, char *buf, size_t len)
{
	if (is_kind(c, topo, n, "linux"))
		snprintf(buf, len, "%s netns %s", ifn, n);
	else
		snprintf(buf, len, "%s", ifn);
}

static void end_up(struct clab *c, yaml_node_t *topo, const char *n,
		   const char *ifn)
{
	if (is_kind(c, topo, n, "linux")) {
		printf("ip -n %s link set %s up\n", n, ifn);
	} else {
		printf("ip link set %s master %s\nip link set %s up\n", ifn, n,
		       ifn);
	}
}

static void emit_link(struct clab *c, yaml_node_t *topo, yaml_node_t *l)
{
	yaml_node_t *eps = get(c, l, "endpoints");
	char n[2][64], ifn[2][16], w[2][128];

	if (!eps || eps->type != YAML_SEQUENCE_NODE ||
	    eps->data.sequence.items.top - eps->data.sequence.items.start !=
		    2) {
		import_skip(&c->unmapped, c->file, line_of(l), "a link",
			    "not two endpoints");
		return;
	}
	for (int i = 0; i < 2; i++) {
		yaml_node_t *e = node(c, eps->data.sequence.items.start[i]);

		if (!endpoint(c, e, n[i], ifn[i]) ||
		    (!is_kind(c, topo, n[i], "linux") &&
		     !is_kind(c, topo, n[i], "bridge"))) {
			import_skip(&c->unmapped, c->file, line_of(e),
				    scalar(e) ? scalar(e) : "an endpoint",
				    "an endpoint on no linux or bridge node");
			return;
		}
		end_words(c, topo, n[i], ifn[i], w[i], sizeof(w[i]));
	}
	printf("ip link add %s type veth peer name %s\n", w[0], w[1]);
	end_up(c, topo, n[0], ifn[0]);
	end_up(c, topo, n[1], ifn[1]);
}

/* a linux node's own lines: lo up, sysctls, exec */
static void emit_inside(struct clab *c, const char *name, yaml_node_t *n)
{
	yaml_node_t *sys = get(c, n, "sysctls"), *ex = get(c, n, "exec");

	printf("\n## %s\nenter %s\nip link set lo up\n", name, name);
	if (sys && sys->type == YAML_MAPPING_NODE)
		for (yaml_node_pair_t *p = sys->data.mapping.pairs.start;
		     p < sys->data.mapping.pairs.top; p++)
			printf("sysctl -qw %s=%s\n", scalar(node(c, p->key)),
			       scalar(node(c, p->value)));
	if (ex && ex->type == YAML_SEQUENCE_NODE)
		for (yaml_node_item_t *i = ex->data.sequence.items.start;
		     i < ex->data.sequence.items.top; i++) {
			yaml_node_t *x = node(c, *i);
			const char *line = scalar(x);
			char w[64];

			if (!line)
				continue;
			snprintf(w, sizeof(w), "%.*s",
				 (int)strcspn(line, " \t;|&<>"), line);
			if (import_program_ok(w))
				printf("%s\n", line);
			else
				import_skip(&c->unmapped, c->file, line_of(x),
					    line, "a program of the node's "
						  "image, not here");
		}
	printf("leave\n");
	static const char *const known[] = { "kind", "image", "exec",
					     "sysctls", NULL };
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(c, p->key));
		bool ok = false;

		for (int i = 0; k && known[i]; i++)
			ok |= streq(k, known[i]);
		if (k && !ok)
			import_skip(&c->unmapped, c->file,
				    line_of(node(c, p->key)), k,
				    "a node option nsh has no equivalent for");
	}
}

static int emit(struct clab *c)
{
	yaml_node_t *root = yaml_document_get_root_node(&c->doc);
	yaml_node_t *topo = get(c, root, "topology");
	yaml_node_t *nodes = get(c, topo, "nodes"), *links;

	if (!nodes || nodes->type != YAML_MAPPING_NODE) {
		fprintf(stderr, "nsh: %s: no topology.nodes mapping: not a "
				"containerlab topology\n",
			c->file);
		return 1;
	}
	printf("# imported from the containerlab topology %s (%s) by nsh "
	       "--import clab\n",
	       c->file, get_str(c, root, "name") ? get_str(c, root, "name")
						 : "unnamed");
	printf("# not imported: each node's management interface eth0 "
	       "(containerlab's docker network)\n");
	emit_nodes(c, topo, nodes);
	printf("\n## the links\n");
	links = get(c, topo, "links");
	if (links && links->type == YAML_SEQUENCE_NODE)
		for (yaml_node_item_t *i = links->data.sequence.items.start;
		     i < links->data.sequence.items.top; i++)
			emit_link(c, topo, node(c, *i));
	for (yaml_node_pair_t *p = nodes->data.mapping.pairs.start;
	     p < nodes->data.mapping.pairs.top; p++) {
		yaml_node_t *n = node(c, p->value);

		if (scalar(node(c, p->key)) &&
		    streq(node_kind(c, topo, n), "linux"))
			emit_inside(c, scalar(node(c, p->key)), n);
	}
	if (c->unmapped)
		fprintf(stderr, "nsh: %s: %d thing%s not imported (listed "
				"above)\n",
			c->file, c->unmapped, c->unmapped == 1 ? "" : "s");
	return 0;
}

int import_clab(const char *file)
{
	struct clab c = { .file = file };
	yaml_parser_t parser;
	FILE *f = fopen(file, "re");
	int rc = 1;

	if (!f) {
		fprintf(stderr, "nsh: %s: %s\n", file, strerror(errno));
		return 1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &c.doc)) {
		fprintf(stderr, "nsh: %s:%zu: %s\n", file,
			parser.problem_mark.line + 1,
			parser.problem ? parser.problem : "not YAML");
	} else {
		rc = yaml_document_get_root_node(&c.doc) ? emit(&c) : 1;
		if (rc && !yaml_document_get_root_node(&c.doc))
			fprintf(stderr, "nsh: %s: empty\n", file);
		yaml_document_delete(&c.doc);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}
