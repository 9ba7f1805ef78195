#include "rules.h"
#include "msg.h"

#include "buf.h"

#include <string.h>

#ifndef TL_DOCS_URL
#define TL_DOCS_URL "docs/rules.md"
#endif

const tl_rule tl_rules[] = {
    {"spelling.unknown", "spelling", TL_ERROR, false,
     N_("Palavra desconhecida"), N_("Corrija a grafia (veja as sugestões) ou, se a "
     "palavra estiver certa, acrescente-a a dictionaries/.")},
    {"spelling.name", "spelling", TL_INFO, false,
     N_("Provável nome próprio desconhecido"), N_("Uma palavra com maiúscula no "
     "início da frase que o texto não usa como nome em outro lugar: confira "
     "a grafia; nomes que o texto usa como nomes não geram achado.")},
    {"spelling.foreign", "spelling", TL_INFO, false,
     N_("Termo inglês em itálico"), N_("Termo estrangeiro marcado como tal; traduza "
     "se houver forma consagrada em português.")},
    {"spelling.hyphen", "spelling", TL_ERROR, true,
     N_("Hífen contra o Acordo Ortográfico"), N_("Junte o prefixo (retreinar, "
     "coadaptação, autorregressivo), separe 'não' ou use o hífen dos "
     "compostos (palavra-chave).")},
    {"spelling.accent", "spelling", TL_WARNING, false,
     N_("Substantivo sem acento lido como verbo"), N_("Depois de artigo, "
     "contração ou possessivo vem o substantivo: na sequência, da prática, "
     "uma dúvida.")},
    {"spelling.case", "spelling", TL_WARNING, true,
     N_("Maiúscula indevida"), N_("Adjetivos derivados de nomes próprios se escrevem "
     "com minúscula (distância euclidiana).")},
    {"spelling.space", "spelling", TL_WARNING, true,
     N_("Espaço antes da pontuação"), N_("Vírgula, ponto, dois-pontos, "
     "ponto e vírgula, interrogação e exclamação se juntam à palavra "
     "anterior: 'ajustes.', não 'ajustes .'.")},
    {"spelling.european", "spelling", TL_WARNING, true,
     N_("Português europeu num texto brasileiro"), N_("Use a forma brasileira "
     "(usuário, tela, equipe, fato, registro, celular; está fazendo).")},
    {"terminology.forbidden", "terminology", TL_ERROR, true,
     N_("Forma errada de um termo do glossário"), N_("Use a forma preferida do "
     "glossário (GPT-4o, não GPT-4.0).")},
    {"terminology.variant", "terminology", TL_WARNING, true,
     N_("Grafia fora do padrão de um termo do glossário"), N_("Escreva o termo como "
     "no glossário (OpenAI, não Open AI).")},
    {"terminology.calque", "terminology", TL_ERROR, false,
     N_("Nome próprio traduzido ao pé da letra"), N_("Nomes de produtos, modelos e "
     "empresas não se traduzem (Copilot, não Copiloto; Stable Diffusion, "
     "não Difusão Estável).")},
    {"terminology.nearmiss", "terminology", TL_WARNING, false,
     N_("Termo do glossário com uma palavra trocada"), N_("Use a forma do glossário "
     "(chamada de função, não chamada de ofício).")},
    {"terminology.reordered", "terminology", TL_ERROR, false,
     N_("Termo do glossário com as palavras em outra ordem"), N_("Escreva o "
     "termo na ordem do glossário (geração aumentada por recuperação, não "
     "recuperação de geração aumentada): a sigla ao lado diz qual é o "
     "termo.")},
    {"terminology.identifier", "terminology", TL_WARNING, false,
     N_("Identificador do código traduzido"), N_("Nomes de classes, módulos, "
     "funções e variáveis ficam como o código os escreve (`Dense`, não "
     "`Densa`; `net`, não `rede`).")},
    {"consistency.document", "consistency", TL_WARNING, false,
     N_("Conceito escrito de dois jeitos no mesmo texto"), N_("Escolha uma forma e "
     "use-a no texto todo.")},
    {"consistency.derived", "consistency", TL_WARNING, false,
     N_("Duas derivações da mesma palavra num termo"), N_("Escolha uma forma "
     "(aprendizado ou aprendizagem, ajuste ou ajustamento) e use-a no texto "
     "todo.")},
    {"consistency.english", "consistency", TL_WARNING, false,
     N_("Termo inglês ao lado da sua tradução"), N_("Use uma forma só: a tradução "
     "(conjunto de validação) ou o termo inglês (validation set).")},
    {"consistency.acronym", "consistency", TL_WARNING, false,
     N_("Sigla inglesa e sigla portuguesa do mesmo conceito"), N_("Use uma sigla só "
     "(LLM ou GML, NLP ou PLN) no texto todo.")},
    {"consistency.learned", "consistency", TL_WARNING, false,
     N_("Termo glosado de outro jeito no texto ou no acervo"), N_("Use a "
     "tradução que o texto ou o acervo já deu ao termo inglês entre "
     "parênteses.")},
    {"consistency.corpus", "consistency", TL_WARNING, false,
     N_("Conceito escrito de outro jeito no acervo"), N_("Use a forma da casa, a "
     "que o glossário prefere ou a que o acervo mais usa.")},
    {"untranslated.passage", "untranslated", TL_ERROR, false,
     N_("Trecho em inglês não traduzido"), N_("Traduza o trecho; títulos de obras "
     "e frases escritas citadas entre aspas (um post, um slogan) podem "
     "ficar.")},
    {"untranslated.word", "untranslated", TL_WARNING, false,
     N_("Palavra em inglês numa frase em português"), N_("Traduza a palavra (a "
     "sugestão diz como, quando o glossário ou dictionaries/renderings.tsv "
     "sabem); se for um termo que a imprensa mantém em inglês, acrescente-o "
     "a dictionaries/. Sem sugestão nem palavra funcional, é só informação.")},
    {"untranslated.document", "untranslated", TL_WARNING, false,
     N_("Texto inteiro em inglês"), N_("O texto não é uma tradução (uma licença, "
     "um original): as verificações de português não se aplicam. Se devia "
     "estar traduzido, traduza-o.")},
    {"agreement.gender", "agreement", TL_WARNING, true,
     N_("Artigo que não concorda com o gênero do nome"), N_("Use o artigo do "
     "glossário (o ChatGPT, a OpenAI, a GPU).")},
    {"agreement.article", "agreement", TL_WARNING, true,
     N_("Nome de empresa sem artigo no início da frase"), N_("Escreva o "
     "artigo que o texto usa com o nome em outros lugares: 'A Meta, gigante "
     "da tecnologia, ...'.")},
    {"number.decimal", "number", TL_WARNING, true,
     N_("Ponto decimal à inglesa"), N_("Em português, vírgula decimal: 86,4%.")},
    {"number.thousands", "number", TL_WARNING, true,
     N_("Vírgula de milhar à inglesa"), N_("Em português, ponto de milhar: "
     "1.000.")},
    {"number.currency", "number", TL_WARNING, true,
     N_("Valor em dólar escrito à inglesa"), N_("Em português, a moeda antes "
     "do número e vírgula decimal: US$ 2,50; US$ 2,5 milhões.")},
    {"number.plural", "number", TL_WARNING, true,
     N_("Escala em desacordo com o número"), N_("Com parte inteira 1, a "
     "escala fica no singular: 1,5 milhão; 1,78 trilhão. De 2 em diante, "
     "no plural: 2,37 trilhões.")},
    {"repetition.word", "repetition", TL_WARNING, true,
     N_("Palavra repetida"), N_("Apague a repetição.")},
    {"repetition.coordination", "repetition", TL_WARNING, false,
     N_("Palavra coordenada consigo mesma"), N_("Use dois termos diferentes ou "
     "apague a repetição.")},
    {"source.term", "source", TL_WARNING, false,
     N_("Termo do original sem a tradução do glossário"), N_("Traduza o termo "
     "como o glossário pede (a sugestão).")},
    {"source.name", "source", TL_ERROR, true,
     N_("Nome, produto ou versão diferente do original"), N_("Escreva o nome "
     "exatamente como no original (Clarifai, LangChain, GPT-4o).")},
    {"source.number", "source", TL_ERROR, true,
     N_("Número diferente do original"), N_("Confira o valor no original e "
     "escreva-o no formato brasileiro (86,4%; 1.000; US$ 5).")},
    {"source.code", "source", TL_ERROR, false,
     N_("Código diferente do original"), N_("Trechos de código não se traduzem: "
     "copie-os do original.")},
    {"source.url", "source", TL_WARNING, false,
     N_("Endereço (URL ou e-mail) diferente do original"), N_("Copie o endereço "
     "do original.")},
    {"source.untranslated", "source", TL_ERROR, false,
     N_("Trecho igual ao original em inglês"), N_("Traduza o trecho.")},
    {"source.omission", "source", TL_ERROR, false,
     N_("Trecho do original sem tradução"), N_("Traduza o trecho omitido (o "
        "local relacionado mostra o original).")},
    {"source.addition", "source", TL_INFO, false,
     N_("Bloco sem correspondente no original"), N_("Confira se o acréscimo "
     "(nota, aviso) é intencional.")},
    {"source.consistency", "source", TL_WARNING, false,
     N_("Termo do original traduzido de dois jeitos"), N_("Use a mesma tradução "
     "para o mesmo termo do original.")},
    {"suppression.unused", "suppression", TL_WARNING, false,
     N_("Supressão que não suprime nada"), N_("Apague o comentário "
     "tradlint-disable que não se aplica a nenhum achado.")},
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
