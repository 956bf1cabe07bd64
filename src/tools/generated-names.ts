// Places, people and sources for the generated data set: many written with accents, so search's folding is
// exercised at scale ("zurich" must find "Zürich", "plzen" must find "Plzeň").

/** A comma-separated list written across lines (one string keeps the file short). */
const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const PLACES: readonly string[] = list(`
  Moscow, St Petersburg, Kazan, Novosibirsk, Vladivostok, Irkutsk, Arkhangelsk, Murmansk, Yekaterinburg, Sochi,
  Kaliningrad, Tyumen, Istanbul, Ankara, New York, Washington, Chicago, Toronto, Montréal, Québec, Mexico City,
  Bogotá, Medellín, São Paulo, Brasília, Belém, Asunción, Córdoba, Valparaíso, Lima, Zürich, Genève, Bern, Plzeň,
  Brno, České Budějovice, Prague, Kraków, Łódź, Gdańsk, Wrocław, Poznań, Bratislava, Košice, Budapest, Pécs,
  Vienna, Graz, München, Köln, Düsseldorf, Nürnberg, Berlin, Hamburg, Malmö, Göteborg, Tromsø, Ålesund,
  Reykjavík, Århus, København, Helsinki, Tallinn, Rīga, Vilnius, Kaunas, Brașov, Timișoara, Iași, Sofia, Plovdiv,
  Belgrade, Niš, Zagreb, Rijeka, Ljubljana, Thessaloníki, Athens, Besançon, Nîmes, Orléans, Paris, Lyon,
  Brussels, Liège, Rotterdam, Lisbon, Cádiz, Málaga, Logroño, A Coruña, Rome, Turin, Tokyo, Osaka, Sapporo,
  Seoul, Busan, Beijing, Shanghai, Hanoi, Đà Nẵng, Bangkok, Jakarta, Delhi, Mumbai, Dhaka, Tashkent, Almaty,
  Bishkek, Baku, Yerevan, Tbilisi, Minsk, Cairo, Nairobi, Lagos, Accra, Dakar, Yaoundé, Abidjan, Antananarivo,
  Johannesburg, Sydney, Auckland, Nouméa, Brussels, Dubai, Doha, Riyadh, Tehran
`);

const FIRST_NAMES: readonly string[] = list(`
  Viktor, Anna, Olga, Sergei, Irina, Dmitry, Elena, Pavel, Maria, Andrei, José, María, François, Hélène, Zoë,
  Søren, Björn, Åsa, Jürgen, Łukasz, Małgorzata, Tomáš, Jiří, Zdeněk, Ágnes, Gábor, İlker, Çağla, João, Inês,
  Raúl, Sebastián, Nguyễn, Chloé, Renée, Ørjan, Ngozi, Kwame, Aiko, Hiroshi, Min-jun, Priya, Arjun, Fatima, Omar,
  James, Sarah, Michael, Laura, David, Emma, Thomas, Julia, Peter, Nina
`);

const LAST_NAMES: readonly string[] = list(`
  Ostapenko, Ivanova, Petrov, Sokolov, Kuznetsova, Volkov, Morozova, Lebedev, Martínez, González, Dubois,
  Lefèvre, Müller, Schäfer, Kowalczyk, Wiśniewski, Dvořák, Novák, Procházková, Nagy, Szabó, Yılmaz, Öztürk,
  Gonçalves, Conceição, Ibáñez, Núñez, Trần, Lindqvist, Åberg, Sørensen, Kierulf, Okonjo, Mensah, Tanaka,
  Watanabe, Kim, Sharma, Rahman, Haddad, Smith, Johnson, Brown, Clarke, Fischer, Rossi, Bianchi, Kovač, Horvat,
  Popescu, Dimitrov, Papadopoulos
`);

export const PEOPLE: readonly string[] = FIRST_NAMES.flatMap((first, i) =>
  LAST_NAMES.filter((_, j) => (i + j) % 5 === 0).map((last) => `${first} ${last}`),
);

export const SOURCES = [
  ['Example Herald', 'https://example-herald.com'],
  ['News Example', 'https://news.example.org'],
  ['The Daily Sample', 'https://daily-sample.example.com'],
  ['Partner Wire', 'https://partner-wire.example.net'],
  ['Regional Example Post', 'https://post.example.org'],
] as const;
