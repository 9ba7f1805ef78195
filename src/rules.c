#include "rules.h"

#include "buf.h"

#include <string.h>

#ifndef TL_DOCS_URL
#define TL_DOCS_URL "docs/rules.md"
#endif

const tl_rule tl_rules[] = {
    {"spelling.unknown", "spelling", TL_ERROR, false,
     "Palavra desconhecida", "Corrija a grafia (veja as sugestões) ou, se a "
     "palavra estiver certa, acrescente-a a dictionaries/."},
    {"spelling.name", "spelling", TL_INFO, false,
     "Provável nome próprio desconhecido", "Confira a grafia do nome; se "
     "estiver certa, acrescente-o a dictionaries/."},
    {"spelling.foreign", "spelling", TL_INFO, false,
     "Termo inglês em itálico", "Termo estrangeiro marcado como tal; traduza "
     "se houver forma consagrada em português."},
    {"spelling.hyphen", "spelling", TL_ERROR, true,
     "Hífen contra o Acordo Ortográfico", "Junte o prefixo (retreinar, "
     "coadaptação, autorregressivo), separe 'não' ou use o hífen dos "
     "compostos (palavra-chave)."},
    {"spelling.case", "spelling", TL_WARNING, true,
     "Maiúscula indevida", "Adjetivos derivados de nomes próprios se escrevem "
     "com minúscula (distância euclidiana)."},
    {"terminology.forbidden", "terminology", TL_ERROR, true,
     "Forma errada de um termo do glossário", "Use a forma preferida do "
     "glossário (GPT-4o, não GPT-4.0)."},
    {"terminology.variant", "terminology", TL_WARNING, true,
     "Grafia fora do padrão de um termo do glossário", "Escreva o termo como "
     "no glossário (OpenAI, não Open AI)."},
    {"consistency.document", "consistency", TL_WARNING, false,
     "Conceito escrito de dois jeitos no mesmo texto", "Escolha uma forma e "
     "use-a no texto todo."},
    {"consistency.corpus", "consistency", TL_WARNING, false,
     "Conceito escrito de outro jeito no acervo", "Use a forma da casa, a "
     "que o glossário prefere ou a que o acervo mais usa."},
    {"untranslated.passage", "untranslated", TL_ERROR, false,
     "Trecho em inglês não traduzido", "Traduza o trecho; títulos de obras "
     "citados entre aspas podem ficar."},
    {"untranslated.word", "untranslated", TL_WARNING, false,
     "Palavra em inglês numa frase em português", "Traduza a palavra, ou "
     "acrescente-a a dictionaries/ ou ao glossário se for um termo aceito."},
    {"agreement.gender", "agreement", TL_WARNING, true,
     "Artigo que não concorda com o gênero do nome", "Use o artigo do "
     "glossário (o ChatGPT, a OpenAI, a GPU)."},
    {"number.decimal", "number", TL_WARNING, true,
     "Ponto decimal à inglesa", "Em português, vírgula decimal: 86,4%."},
    {"number.thousands", "number", TL_WARNING, true,
     "Vírgula de milhar à inglesa", "Em português, ponto de milhar: 1.000."},
    {"repetition.word", "repetition", TL_WARNING, true,
     "Palavra repetida", "Apague a repetição."},
    {"repetition.coordination", "repetition", TL_WARNING, false,
     "Palavra coordenada consigo mesma", "Use dois termos diferentes ou "
     "apague a repetição."},
    {"source.term", "source", TL_WARNING, false,
     "Termo do original sem a tradução do glossário", "Traduza o termo "
     "como o glossário pede (a sugestão)."},
    {"source.name", "source", TL_ERROR, true,
     "Nome, produto ou versão diferente do original", "Escreva o nome "
     "exatamente como no original (Clarifai, LangChain, GPT-4o)."},
    {"source.number", "source", TL_ERROR, true,
     "Número diferente do original", "Confira o valor no original e "
     "escreva-o no formato brasileiro (86,4%; 1.000; US$ 5)."},
    {"source.code", "source", TL_ERROR, false,
     "Código diferente do original", "Trechos de código não se traduzem: "
     "copie-os do original."},
    {"source.url", "source", TL_WARNING, false,
     "Endereço (URL ou e-mail) diferente do original", "Copie o endereço "
     "do original."},
    {"source.untranslated", "source", TL_ERROR, false,
     "Trecho igual ao original em inglês", "Traduza o trecho."},
    {"source.omission", "source", TL_ERROR, false,
     "Trecho do original sem tradução", "Traduza o trecho omitido (o "
     "local relacionado mostra o original)."},
    {"source.addition", "source", TL_INFO, false,
     "Bloco sem correspondente no original", "Confira se o acréscimo "
     "(nota, aviso) é intencional."},
    {"source.consistency", "source", TL_WARNING, false,
     "Termo do original traduzido de dois jeitos", "Use a mesma tradução "
     "para o mesmo termo do original."},
    {"suppression.unused", "suppression", TL_INFO, false,
     "Supressão que não suprime nada", "Apague o comentário "
     "tradlint-disable que não se aplica a nenhum achado."},
};

const size_t tl_nrules = sizeof tl_rules / sizeof tl_rules[0];

int tl_rule_index(const char *id)
{
  for (size_t i = 0; i < tl_nrules; i++)
    if (strcmp(tl_rules[i].id, id) == 0)
      return (int)i;
  return -1;
}

const tl_rule *tl_rule_find(const char *id)
{
  int i = tl_rule_index(id);
  return i < 0 ? NULL : &tl_rules[i];
}

bool tl_category_is(const char *name)
{
  for (size_t i = 0; i < tl_nrules; i++)
    if (strcmp(tl_rules[i].category, name) == 0)
      return true;
  return false;
}

char *tl_rule_help_uri(const tl_rule *r)
{
  tl_buf b;

  tl_buf_init(&b);
  tl_buf_adds(&b, TL_DOCS_URL);
  tl_buf_addc(&b, '#');
  for (const char *p = r->id; *p; p++) /* GitHub's heading anchors */
    if (*p != '.')
      tl_buf_addc(&b, *p);
  tl_buf_cstr(&b);
  return b.p;
}
