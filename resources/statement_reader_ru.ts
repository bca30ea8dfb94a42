<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>About</name>
    <message>
        <source>&lt;p&gt;An offline reader for policy statements: read them, find what they recommend, search them and keep notes. Nothing it does touches the network.&lt;/p&gt;&lt;p&gt;Bundled: the Elbe Group&apos;s Joint Statement (Naples, 2018) and the Atlantic Council – RIAC co-chairs&apos; Joint Statement (Washington, 2013).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Автономная программа для чтения политических заявлений: читайте их, находите содержащиеся в них рекомендации, ищите по ним и ведите заметки. Программа никогда не обращается к сети.&lt;/p&gt;&lt;p&gt;В комплекте: Совместное заявление Эльбской группы (Неаполь, 2018) и Совместное заявление сопредседателей Атлантического совета и РСМД (Вашингтон, 2013).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>О программе {app}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy with C&amp;itation</source>
        <translation>Копировать с &amp;цитатой</translation>
    </message>
    <message>
        <source>Copy the selection as a quotation followed by title, place and date</source>
        <translation>Скопировать выделенный текст как цитату с названием, местом и датой</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>&amp;Найти в документе…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>&amp;Search All Documents…</source>
        <translation>По&amp;иск по всем документам…</translation>
    </message>
    <message>
        <source>Search every statement (Ctrl+Shift+F)</source>
        <translation>Искать во всех заявлениях (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>&amp;Rebuild Search Index</source>
        <translation>&amp;Перестроить поисковый индекс</translation>
    </message>
    <message>
        <source>Build the search index again from the documents, in the background</source>
        <translation>Заново построить поисковый индекс по документам в фоновом режиме</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>С&amp;ветлая</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <source>Go to &amp;Library</source>
        <translation>Перейти к &amp;библиотеке</translation>
    </message>
    <message>
        <source>Go to &amp;Outline</source>
        <translation>Перейти к содер&amp;жанию</translation>
    </message>
    <message>
        <source>&amp;About Statement Reader</source>
        <translation>&amp;О программе Statement Reader</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <source>Reading font and size, line length, theme, highlight colour, exports</source>
        <translation>Шрифт и кегль текста, длина строки, тема, цвет выделения, экспорт</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>How to read, search and annotate statements</source>
        <translation>Как читать заявления, искать по ним и делать пометки</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every action and its keys</source>
        <translation>Все команды и их клавиши</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>Синтаксис &amp;поиска</translation>
    </message>
    <message>
        <source>Phrases, prefixes, fields and aliases, with examples</source>
        <translation>Фразы, префиксы, поля и синонимы — с примерами</translation>
    </message>
    <message>
        <source>&amp;Export Recommendations…</source>
        <translation>&amp;Экспорт рекомендаций…</translation>
    </message>
    <message>
        <source>Save every recommendation as Markdown or CSV</source>
        <translation>Сохранить все рекомендации в формате Markdown или CSV</translation>
    </message>
    <message>
        <source>Mark &amp;Recommendations</source>
        <translation>Отмечать &amp;рекомендации</translation>
    </message>
    <message>
        <source>Shade every recommendation sentence in the text</source>
        <translation>Подсвечивать в тексте каждое предложение с рекомендацией</translation>
    </message>
    <message>
        <source>&amp;Compare a Topic Across Documents…</source>
        <translation>&amp;Сравнить тему по документам…</translation>
    </message>
    <message>
        <source>One topic&apos;s recommendations side by side</source>
        <translation>Рекомендации по одной теме рядом друг с другом</translation>
    </message>
    <message>
        <source>Recommendation C&amp;overage…</source>
        <translation>&amp;Охват рекомендаций…</translation>
    </message>
    <message>
        <source>Topics against documents, with counts</source>
        <translation>Темы в сопоставлении с документами, с числом рекомендаций</translation>
    </message>
    <message>
        <source>Mark as Recommendation…</source>
        <translation>Отметить как рекомендацию…</translation>
    </message>
    <message>
        <source>File this sentence as a recommendation</source>
        <translation>Занести это предложение в рекомендации</translation>
    </message>
    <message>
        <source>Change Topics…</source>
        <translation>Изменить темы…</translation>
    </message>
    <message>
        <source>File this recommendation elsewhere</source>
        <translation>Отнести эту рекомендацию к другим темам</translation>
    </message>
    <message>
        <source>Dismiss Recommendation</source>
        <translation>Отклонить рекомендацию</translation>
    </message>
    <message>
        <source>This sentence is not a recommendation</source>
        <translation>Это предложение — не рекомендация</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Import statements: .txt, .md, .html and .pdf files, one or many (Ctrl+O)</source>
        <translation>Импортировать заявления: файлы .txt, .md, .html и .pdf, один или несколько (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Remove from Library…</source>
        <translation>&amp;Удалить из библиотеки…</translation>
    </message>
    <message>
        <source>Remove the selected imported document</source>
        <translation>Удалить выбранный импортированный документ</translation>
    </message>
    <message>
        <source>Document &amp;Details…</source>
        <translation>&amp;Сведения о документе…</translation>
    </message>
    <message>
        <source>Edit the title, date, place and organisations of the selected imported document</source>
        <translation>Изменить название, дату, место и организации выбранного импортированного документа</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;Выделить</translation>
    </message>
    <message>
        <source>Highlight the selection (Ctrl+H)</source>
        <translation>Выделить цветом выбранный текст (Ctrl+H)</translation>
    </message>
    <message>
        <source>&amp;Yellow</source>
        <translation>&amp;Жёлтый</translation>
    </message>
    <message>
        <source>Highlight in yellow</source>
        <translation>Выделить жёлтым</translation>
    </message>
    <message>
        <source>&amp;Green</source>
        <translation>&amp;Зелёный</translation>
    </message>
    <message>
        <source>Highlight in green</source>
        <translation>Выделить зелёным</translation>
    </message>
    <message>
        <source>&amp;Blue</source>
        <translation>&amp;Синий</translation>
    </message>
    <message>
        <source>Highlight in blue</source>
        <translation>Выделить синим</translation>
    </message>
    <message>
        <source>&amp;Pink</source>
        <translation>&amp;Розовый</translation>
    </message>
    <message>
        <source>Highlight in pink</source>
        <translation>Выделить розовым</translation>
    </message>
    <message>
        <source>P&amp;urple</source>
        <translation>&amp;Фиолетовый</translation>
    </message>
    <message>
        <source>Highlight in purple</source>
        <translation>Выделить фиолетовым</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>Добавить за&amp;метку…</translation>
    </message>
    <message>
        <source>Write a note on the selection</source>
        <translation>Написать заметку к выбранному тексту</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>&amp;Изменить заметку…</translation>
    </message>
    <message>
        <source>Edit the note under the caret</source>
        <translation>Изменить заметку под курсором</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>&amp;Удалить выделение</translation>
    </message>
    <message>
        <source>Delete the highlight and note under the caret</source>
        <translation>Удалить выделение и заметку под курсором</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>Экспорт &amp;заметок…</translation>
    </message>
    <message>
        <source>Save notes as Markdown, HTML, CSV or JSON</source>
        <translation>Сохранить заметки в формате Markdown, HTML, CSV или JSON</translation>
    </message>
    <message>
        <source>Import N&amp;otes…</source>
        <translation>Импорт за&amp;меток…</translation>
    </message>
    <message>
        <source>Merge notes from a Web Annotation JSON export or a Hypothesis export file</source>
        <translation>Добавить заметки из экспорта Web Annotation JSON или файла экспорта Hypothesis</translation>
    </message>
    <message>
        <source>&amp;Memo from Notes…</source>
        <translation>Записка п&amp;о заметкам…</translation>
    </message>
    <message>
        <source>Build a memo of quotes with citations, to save or copy into a word processor</source>
        <translation>Составить записку из цитат со ссылками, чтобы сохранить её или вставить в текстовый редактор</translation>
    </message>
    <message>
        <source>Notes &amp;Author…</source>
        <translation>&amp;Автор заметок…</translation>
    </message>
    <message>
        <source>The name exported notes carry as their author</source>
        <translation>Имя автора, указываемое в экспортированных заметках</translation>
    </message>
</context>
<context>
    <name>ArchiveChoice</name>
    <message>
        <source>Syncing with the team…</source>
        <translation>Синхронизация с командой…</translation>
    </message>
    <message>
        <source>“{title}” is in the team&apos;s archive but not yet on this laptop.</source>
        <translation>«{title}» есть в архиве команды, но на этом компьютере его ещё нет.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>“{title}” was not brought to this laptop: another document here has its id ({id}).</source>
        <translation>«{title}» не перенесён на этот компьютер: его идентификатор ({id}) уже занят другим документом.</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Фиолетовый</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare Recommendations</source>
        <translation>Сравнение рекомендаций</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>nothing on this topic</source>
        <translation>по этой теме ничего нет</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>Coverage: Topics × Documents</source>
        <translation>Охват: темы × документы</translation>
    </message>
    <message>
        <source>Recommendations per topic and document; “–” marks a gap.</source>
        <translation>Число рекомендаций по темам и документам; «–» означает пробел.</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>{topic} in {title}: {count} — double-click to list them</source>
        <translation>{topic} в «{title}»: {count} — двойной щелчок покажет их</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML, printable (*.html)</source>
        <translation>HTML для печати (*.html)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <source>Web Annotation JSON (*.json *.jsonld)</source>
        <translation>Web Annotation JSON (*.json *.jsonld)</translation>
    </message>
    <message>
        <source>Hypothesis export file (*.json)</source>
        <translation>Файл экспорта Hypothesis (*.json)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Документ Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>the window</source>
        <comment>what failed</comment>
        <translation>работы окна</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Найти в документе</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>С учётом регистра</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>{current} из {count}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Elsewhere (context menus)</source>
        <translation>В других местах (контекстные меню)</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>User Guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>Синтаксис поиска</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Statements (*.txt *.md *.html *.htm *.pdf);;Text (*.txt);;Markdown (*.md);;Web pages (*.html *.htm);;PDF (*.pdf);;All files (*)</source>
        <translation>Заявления (*.txt *.md *.html *.htm *.pdf);;Текст (*.txt);;Markdown (*.md);;Веб-страницы (*.html *.htm);;PDF (*.pdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import Statements</source>
        <translation>Импорт заявлений</translation>
    </message>
    <message>
        <source>Import — {app}</source>
        <translation>Импорт — {app}</translation>
    </message>
    <message>
        <source>Preparing the import…</source>
        <translation>Подготовка к импорту…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Importing — {app}</source>
        <translation>Импорт — {app}</translation>
    </message>
    <message>
        <source>Importing {done} of {total}: {name}</source>
        <translation>Импорт {done} из {total}: {name}</translation>
    </message>
    <message>
        <source>{count} already in the library</source>
        <translation>уже в библиотеке: {count}</translation>
    </message>
    <message>
        <source>{count} not imported</source>
        <translation>не импортировано: {count}</translation>
    </message>
    <message>
        <source>from {file}</source>
        <translation>из {file}</translation>
    </message>
    <message>
        <source>already in the library as “{title}” ({id}).</source>
        <translation>уже есть в библиотеке как «{title}» ({id}).</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Cancelled; the files imported so far stay.</source>
        <translation>Отменено; уже импортированные файлы остаются.</translation>
    </message>
    <message>
        <source>An import is running; wait for it to finish or cancel it.</source>
        <translation>Идёт импорт; дождитесь его окончания или отмените его.</translation>
    </message>
    <message>
        <source>Only .txt, .md, .html, .htm and .pdf files can be imported.</source>
        <translation>Импортировать можно только файлы .txt, .md, .html, .htm и .pdf.</translation>
    </message>
</context>
<context>
    <name>IndexProcess</name>
    <message>
        <source>The search index could not be built in the background: {why}</source>
        <translation>Не удалось построить поисковый индекс в фоновом режиме: {why}</translation>
    </message>
    <message>
        <source>The search index could not be built in the background: {why}.</source>
        <translation>Не удалось построить поисковый индекс в фоновом режиме: {why}.</translation>
    </message>
</context>
<context>
    <name>IndexService</name>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Перестройка поискового индекса…</translation>
    </message>
    <message>
        <source>The search index is already being rebuilt.</source>
        <translation>Поисковый индекс уже перестраивается.</translation>
    </message>
    <message>
        <source>Indexing in the background…</source>
        <translation>Индексирование в фоновом режиме…</translation>
    </message>
    <message>
        <source>the search</source>
        <comment>what failed</comment>
        <translation>поиска</translation>
    </message>
    <message>
        <source>Indexing: {done} of {total} documents</source>
        <translation>Индексирование: {done} из {total} документов</translation>
    </message>
    <message>
        <source>Search index built.</source>
        <translation>Поисковый индекс построен.</translation>
    </message>
    <message>
        <source>Search index {report}.</source>
        <translation>Поисковый индекс: {report}.</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>the library</source>
        <comment>what failed</comment>
        <translation>загрузки библиотеки</translation>
    </message>
    <message>
        <source>Imported documents cannot be read: {problem}</source>
        <translation>Не удаётся прочитать импортированные документы: {problem}</translation>
    </message>
    <message>
        <source>The library is still opening; try again in a moment.</source>
        <translation>Библиотека ещё открывается; повторите попытку через минуту.</translation>
    </message>
    <message>
        <source>Nothing can be imported: {problem}.</source>
        <translation>Импорт невозможен: {problem}.</translation>
    </message>
    <message>
        <source>the library cannot be read</source>
        <translation>не удаётся прочитать библиотеку</translation>
    </message>
    <message>
        <source>the import</source>
        <comment>what failed</comment>
        <translation>импорта</translation>
    </message>
    <message>
        <source>Only imported documents can be changed or removed.</source>
        <translation>Изменять и удалять можно только импортированные документы.</translation>
    </message>
    <message>
        <source>Removed “{title}” from the library.</source>
        <translation>Документ «{title}» удалён из библиотеки.</translation>
    </message>
    <message>
        <source>Saved the details of “{title}”.</source>
        <translation>Сведения о документе «{title}» сохранены.</translation>
    </message>
    <message>
        <source>counting notes</source>
        <comment>what failed</comment>
        <translation>подсчёта заметок</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Recs</source>
        <translation>Рек.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Recommendations found in the document</source>
        <translation>Рекомендации, найденные в документе</translation>
    </message>
    <message>
        <source>Your notes and highlights in the document</source>
        <translation>Ваши заметки и выделения в документе</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Click to reverse the order; right-click to sort by another detail</source>
        <translation>Щелчок меняет порядок на обратный; правый щелчок — сортировка по другому признаку</translation>
    </message>
    <message>
        <source>Sort By</source>
        <translation>Сортировать по</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Settings could not be saved: the config folder is not writable.</source>
        <translation>Не удалось сохранить настройки: папка конфигурации недоступна для записи.</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Document and section</source>
        <translation>Документ и раздел</translation>
    </message>
    <message>
        <source>Topic of the recommendation</source>
        <translation>Тема рекомендации</translation>
    </message>
    <message>
        <source>Memo from Notes</source>
        <translation>Записка по заметкам</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Записка</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Все цвета</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Все темы</translation>
    </message>
    <message>
        <source>Words in the note, tags or quote…</source>
        <translation>Слова в заметке, метках или цитате…</translation>
    </message>
    <message>
        <source>Copy as Memo</source>
        <translation>Копировать записку</translation>
    </message>
    <message>
        <source>Copy as rich text and plain text, to paste formatted</source>
        <translation>Копировать как форматированный и простой текст, чтобы вставить с оформлением</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Save as Markdown, HTML or a Word document</source>
        <translation>Сохранить в формате Markdown, HTML или как документ Word</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Группировать по:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Документ:</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Только:</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Слова:</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) in the memo</source>
        <translation>
            <numerusform>%n заметка в записке</numerusform>
            <numerusform>%n заметки в записке</numerusform>
            <numerusform>%n заметок в записке</numerusform>
        </translation>
    </message>
    <message>
        <source>The memo is on the clipboard, to paste into a document.</source>
        <translation>Записка скопирована в буфер обмена; её можно вставить в документ.</translation>
    </message>
    <message>
        <source>Save Memo</source>
        <translation>Сохранение записки</translation>
    </message>
    <message>
        <source>The memo is saved as {path}.</source>
        <translation>Записка сохранена: {path}.</translation>
    </message>
    <message>
        <source>The memo was not saved: {error}</source>
        <translation>Записка не сохранена: {error}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Се&amp;рвис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>О&amp;формление</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Document Details — {app}</source>
        <translation>Сведения о документе — {app}</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>С датой</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
</context>
<context>
    <name>NoteDialogs</name>
    <message>
        <source>Export Notes</source>
        <translation>Экспорт заметок</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Импорт заметок</translation>
    </message>
    <message>
        <source>Web Annotation or Hypothesis JSON (*.json *.jsonld);;All files (*)</source>
        <translation>JSON Web Annotation или Hypothesis (*.json *.jsonld);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Notes Author</source>
        <translation>Автор заметок</translation>
    </message>
    <message>
        <source>Your name, as exported notes give it (empty: {name}, from this system):</source>
        <translation>Ваше имя, как оно будет указано в экспортированных заметках (если пусто — {name}, из системы):</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Your note (plain text; *Markdown* allowed)</source>
        <translation>Ваша заметка (обычный текст; можно *Markdown*)</translation>
    </message>
    <message>
        <source>tags, comma separated</source>
        <translation>метки через запятую</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Цвет:</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Не сохранено: {problem}</translation>
    </message>
</context>
<context>
    <name>NoteMenu</name>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>&amp;Изменить заметку…</translation>
    </message>
    <message>
        <source>Change &amp;Colour</source>
        <translation>Изменить &amp;цвет</translation>
    </message>
    <message>
        <source>Copy with Citation</source>
        <translation>Копировать с цитатой</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>The document of this note ({doc}) is not in the library.</source>
        <translation>Документа этой заметки ({doc}) нет в библиотеке.</translation>
    </message>
    <message>
        <source>This note is detached: its passage is no longer in the text.</source>
        <translation>Заметка откреплена: её фрагмента больше нет в тексте.</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Add Note</source>
        <translation>Добавление заметки</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Выделение</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>Удаление заметки</translation>
    </message>
</context>
<context>
    <name>NotesAuthor</name>
    <message>
        <source>Exported notes name {name} as their author.</source>
        <translation>В экспортированных заметках автором будет указан {name}.</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Select a passage first, or put the caret in a highlight.</source>
        <translation>Сначала выберите фрагмент или поставьте курсор в выделение.</translation>
    </message>
    <message>
        <source>The document of this note ({doc}) is not in the library.</source>
        <translation>Документа этой заметки ({doc}) нет в библиотеке.</translation>
    </message>
    <message>
        <source>This note is detached: its passage is no longer in the text.</source>
        <translation>Заметка откреплена: её фрагмента больше нет в тексте.</translation>
    </message>
    <message>
        <source>Highlight deleted (Ctrl+Z brings it back).</source>
        <translation>Выделение удалено (Ctrl+Z вернёт его).</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Выделить</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>Изменить цвет</translation>
    </message>
    <message>
        <source>the search of notes</source>
        <comment>what failed</comment>
        <translation>поиска по заметкам</translation>
    </message>
    <message>
        <source>Copied the note&apos;s passage with its citation.</source>
        <translation>Фрагмент заметки скопирован со ссылкой на источник.</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Отменить: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Повторить: {action}</translation>
    </message>
    <message>
        <source>The note is attached to the passage again.</source>
        <translation>Заметка снова прикреплена к фрагменту.</translation>
    </message>
</context>
<context>
    <name>NotesFile</name>
    <message>
        <source>{name} was not imported: {error}</source>
        <translation>{name} не импортирован: {error}</translation>
    </message>
</context>
<context>
    <name>NotesFiles</name>
    <message>
        <source>the export</source>
        <comment>what failed</comment>
        <translation>экспорта</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Импорт заметок</translation>
    </message>
    <message>
        <source>the notes cannot be opened</source>
        <translation>заметки не удаётся открыть</translation>
    </message>
    <message>
        <source>{name} was not imported: {problem}.</source>
        <translation>{name} не импортирован: {problem}.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>{where} — read the passage (Enter)</source>
        <translation>{where} — прочитать фрагмент (Enter)</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>All colours</source>
        <translation>Все цвета</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>Show the notes of every document, not only this one</source>
        <translation>Показывать заметки ко всем документам, а не только к этому</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Filter by words…</source>
        <translation>Фильтр по словам…</translation>
    </message>
    <message>
        <source>Filter notes by words</source>
        <translation>Отбор заметок по словам</translation>
    </message>
    <message>
        <source>Re-attach Here</source>
        <translation>Прикрепить сюда</translation>
    </message>
    <message>
        <source>Put the detached note on the best matching passage</source>
        <translation>Прикрепить открепленную заметку к наиболее подходящему фрагменту</translation>
    </message>
    <message>
        <source>Export Shown…</source>
        <translation>Экспорт показанных…</translation>
    </message>
    <message>
        <source>Export the notes listed here</source>
        <translation>Экспортировать заметки из этого списка</translation>
    </message>
    <message>
        <source>Memo…</source>
        <translation>Записка…</translation>
    </message>
    <message>
        <source>Build a memo of quotes with citations from the notes</source>
        <translation>Составить записку из цитат со ссылками по заметкам</translation>
    </message>
    <message>
        <source>No notes on all documents yet. Select a passage and press Ctrl+H to highlight it.</source>
        <translation>Заметок пока нет ни в одном документе. Выберите фрагмент и нажмите Ctrl+H, чтобы выделить его.</translation>
    </message>
    <message>
        <source>No notes on this document yet. Select a passage and press Ctrl+H to highlight it.</source>
        <translation>К этому документу заметок пока нет. Выберите фрагмент и нажмите Ctrl+H, чтобы выделить его.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on all documents.</source>
        <translation>
            <numerusform>%n заметка во всех документах.</numerusform>
            <numerusform>%n заметки во всех документах.</numerusform>
            <numerusform>%n заметок во всех документах.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on this document.</source>
        <translation>
            <numerusform>%n заметка к этому документу.</numerusform>
            <numerusform>%n заметки к этому документу.</numerusform>
            <numerusform>%n заметок к этому документу.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s) on all documents.</source>
        <translation>
            <numerusform>{shown} из %n заметки во всех документах.</numerusform>
            <numerusform>{shown} из %n заметок во всех документах.</numerusform>
            <numerusform>{shown} из %n заметок во всех документах.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s) on this document.</source>
        <translation>
            <numerusform>{shown} из %n заметки к этому документу.</numerusform>
            <numerusform>{shown} из %n заметок к этому документу.</numerusform>
            <numerusform>{shown} из %n заметок к этому документу.</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>NotesService</name>
    <message>
        <source>The notes are being opened; try again in a moment.</source>
        <translation>Заметки открываются; повторите попытку через минуту.</translation>
    </message>
    <message>
        <source>Notes cannot be saved: {problem}.</source>
        <translation>Не удаётся сохранить заметки: {problem}.</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>Изменение цвета</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Изменение заметки</translation>
    </message>
    <message>
        <source>Re-attach Note</source>
        <translation>Прикрепление заметки</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n предложение</numerusform>
            <numerusform>%n предложения</numerusform>
            <numerusform>%n предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n слово</numerusform>
            <numerusform>%n слова</numerusform>
            <numerusform>%n слов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n заметка</numerusform>
            <numerusform>%n заметки</numerusform>
            <numerusform>%n заметок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rec(s)</source>
        <comment>short for recommendations</comment>
        <translation>
            <numerusform>%n рек.</numerusform>
            <numerusform>%n рек.</numerusform>
            <numerusform>%n рек.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n рекомендация</numerusform>
            <numerusform>%n рекомендации</numerusform>
            <numerusform>%n рекомендаций</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s) on this topic</source>
        <translation>
            <numerusform>%n рекомендация по этой теме</numerusform>
            <numerusform>%n рекомендации по этой теме</numerusform>
            <numerusform>%n рекомендаций по этой теме</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n passage(s)</source>
        <comment>the server stopped counting there</comment>
        <translation>
            <numerusform>Не меньше %n фрагмента</numerusform>
            <numerusform>Не меньше %n фрагментов</numerusform>
            <numerusform>Не меньше %n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>в %n документе</numerusform>
            <numerusform>в %n документах</numerusform>
            <numerusform>в %n документах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>Импортирован %n документ</numerusform>
            <numerusform>Импортировано %n документа</numerusform>
            <numerusform>Импортировано %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {imported} of %n file(s).</source>
        <translation>
            <numerusform>Импортировано {imported} из %n файла.</numerusform>
            <numerusform>Импортировано {imported} из %n файлов.</numerusform>
            <numerusform>Импортировано {imported} из %n файлов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) to {path}.</source>
        <translation>
            <numerusform>%n заметка экспортирована в {path}.</numerusform>
            <numerusform>%n заметки экспортированы в {path}.</numerusform>
            <numerusform>%n заметок экспортировано в {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n recommendation(s) to {path}.</source>
        <translation>
            <numerusform>%n рекомендация экспортирована в {path}.</numerusform>
            <numerusform>%n рекомендации экспортированы в {path}.</numerusform>
            <numerusform>%n рекомендаций экспортировано в {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{title}” has %n note(s). What should become of them?</source>
        <translation>
            <numerusform>К документу «{title}» есть %n заметка. Что с ней сделать?</numerusform>
            <numerusform>К документу «{title}» есть %n заметки. Что с ними сделать?</numerusform>
            <numerusform>К документу «{title}» есть %n заметок. Что с ними сделать?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>Шрифт текста</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>The serif fonts the reader chooses by itself</source>
        <translation>Шрифты с засечками, которые программа выбирает сама</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <source>Reading size</source>
        <translation>Кегль текста</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> знаков</translation>
    </message>
    <message>
        <source>Line length</source>
        <translation>Длина строки</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>Цвет выделения</translation>
    </message>
    <message>
        <source>The first each export offers</source>
        <translation>Первый из предлагаемых при экспорте</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Формат экспорта</translation>
    </message>
    <message>
        <source>the current folder</source>
        <translation>текущая папка</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Папка экспорта</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>your full name on this system</source>
        <translation>ваше полное имя в системе</translation>
    </message>
    <message>
        <source>Notes&apos; author</source>
        <translation>Автор заметок</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Шрифт:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Кегль:</translation>
    </message>
    <message>
        <source>&amp;Line length:</source>
        <translation>&amp;Длина строки:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Highlight colour:</source>
        <translation>&amp;Цвет выделения:</translation>
    </message>
    <message>
        <source>&amp;Author of exported notes:</source>
        <translation>&amp;Автор экспортируемых заметок:</translation>
    </message>
    <message>
        <source>Default &amp;format:</source>
        <translation>&amp;Формат по умолчанию:</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Applied at the next start.</source>
        <translation>Вступит в силу при следующем запуске.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>Папка экспорта</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>The statement</source>
        <translation>Заявление</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Select a passage to copy it with its citation.</source>
        <translation>Выберите фрагмент, чтобы скопировать его со ссылкой на источник.</translation>
    </message>
    <message>
        <source>Copied the passage with its citation.</source>
        <translation>Фрагмент скопирован со ссылкой на источник.</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>Масштаб {percent} %</translation>
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Все темы</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Filter by words…</source>
        <translation>Фильтр по словам…</translation>
    </message>
    <message>
        <source>Filter recommendations by words</source>
        <translation>Отбор рекомендаций по словам</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Сравнить…</translation>
    </message>
    <message>
        <source>Show the selected topic side by side</source>
        <translation>Показать выбранную тему по документам рядом</translation>
    </message>
    <message>
        <source>Coverage…</source>
        <translation>Охват…</translation>
    </message>
    <message>
        <source>Topics against documents, with counts</source>
        <translation>Темы в сопоставлении с документами, с числом рекомендаций</translation>
    </message>
    <message>
        <source>Export Shown…</source>
        <translation>Экспорт показанных…</translation>
    </message>
    <message>
        <source>Export the recommendations listed here</source>
        <translation>Экспортировать рекомендации из этого списка</translation>
    </message>
    <message>
        <source>Compare “{topic}” Across Documents…</source>
        <translation>Сравнить тему «{topic}» по документам…</translation>
    </message>
    <message>
        <source>Show Only This Topic</source>
        <translation>Показывать только эту тему</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>показано {shown} из {total}</translation>
    </message>
    <message>
        <source>Recommendations by topic</source>
        <translation>Рекомендации по темам</translation>
    </message>
</context>
<context>
    <name>RecommendationService</name>
    <message>
        <source>extracting recommendations</source>
        <comment>what failed</comment>
        <translation>извлечения рекомендаций</translation>
    </message>
    <message>
        <source>Your choices about recommendations cannot be saved: {problem}.</source>
        <translation>Не удаётся сохранить ваши решения о рекомендациях: {problem}.</translation>
    </message>
    <message>
        <source>Marked as a recommendation.</source>
        <translation>Отмечено как рекомендация.</translation>
    </message>
    <message>
        <source>Topics changed.</source>
        <translation>Темы изменены.</translation>
    </message>
    <message>
        <source>Recommendation dismissed.</source>
        <translation>Рекомендация отклонена.</translation>
    </message>
    <message>
        <source>The recommendations are not loaded yet.</source>
        <translation>Рекомендации ещё не загружены.</translation>
    </message>
</context>
<context>
    <name>RecommendationTreeModel</name>
    <message>
        <source>{topic}: {count} — right-click to compare documents</source>
        <translation>{topic}: {count} — правый щелчок, чтобы сравнить документы</translation>
    </message>
</context>
<context>
    <name>RecommendationsController</name>
    <message>
        <source>The recommendations are being gathered; try again in a moment.</source>
        <translation>Рекомендации собираются; повторите попытку через минуту.</translation>
    </message>
    <message>
        <source>the export</source>
        <comment>what failed</comment>
        <translation>экспорта</translation>
    </message>
</context>
<context>
    <name>RemoveNotesQuestion</name>
    <message>
        <source>Remove from Library — {app}</source>
        <translation>Удаление из библиотеки — {app}</translation>
    </message>
    <message>
        <source>Kept notes stay in your notes, detached, and come back if the same document is imported again.</source>
        <translation>Сохранённые заметки останутся среди ваших заметок в открепленном виде и вернутся, если тот же документ будет импортирован снова.</translation>
    </message>
    <message>
        <source>Keep Notes Detached</source>
        <translation>Оставить заметки открепленными</translation>
    </message>
    <message>
        <source>Delete Notes</source>
        <translation>Удалить заметки</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search every statement…</source>
        <translation>Поиск по всем заявлениям…</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, OR, NOT, prefix*, fuzzy~, doc:, section:, topic: (Help → Search Syntax)</source>
        <translation>Слова, &quot;фраза&quot;, OR, NOT, начало*, нечётко~, doc:, section:, topic: (Справка → Синтаксис поиска)</translation>
    </message>
    <message>
        <source>Results appear as you type. Examples: &lt;i&gt;Minsk&lt;/i&gt; · &lt;i&gt;&quot;missile defense&quot;&lt;/i&gt; · &lt;i&gt;cyber*&lt;/i&gt; · &lt;i&gt;NATO NOT Russia&lt;/i&gt; · &lt;i&gt;section:Ukraine&lt;/i&gt; · &lt;i&gt;doc:elbe&lt;/i&gt;</source>
        <translation>Результаты появляются по мере ввода. Примеры: &lt;i&gt;Minsk&lt;/i&gt; · &lt;i&gt;&quot;missile defense&quot;&lt;/i&gt; · &lt;i&gt;cyber*&lt;/i&gt; · &lt;i&gt;NATO NOT Russia&lt;/i&gt; · &lt;i&gt;section:Ukraine&lt;/i&gt; · &lt;i&gt;doc:elbe&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The team&apos;s archive cannot be searched by topic: its server does not know the topics of passages. Choose “This laptop” to search by topic.</source>
        <translation>В архиве команды нельзя искать по теме: сервер не знает тем фрагментов. Чтобы искать по теме, выберите «Этот компьютер».</translation>
    </message>
    <message>
        <source>Search every statement</source>
        <translation>Поиск по всем заявлениям</translation>
    </message>
    <message>
        <source>The search index is being built; results will follow when it is ready.</source>
        <translation>Поисковый индекс строится; результаты появятся, когда он будет готов.</translation>
    </message>
    <message>
        <source>Search is getting ready…</source>
        <translation>Поиск готовится…</translation>
    </message>
    <message>
        <source>searched {what}</source>
        <translation>поиск: {what}</translation>
    </message>
    <message>
        <source> (the best {shown} shown)</source>
        <translation> (показаны {shown} лучших)</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
    <message>
        <source>No passages match. Did you mean: {suggestion}?</source>
        <translation>Подходящих фрагментов нет. Возможно, вы имели в виду: {suggestion}?</translation>
    </message>
    <message>
        <source>No passages match.</source>
        <translation>Подходящих фрагментов нет.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Search in every document or in one</source>
        <translation>Искать во всех документах или в одном</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>Search every passage, or those about one topic</source>
        <translation>Искать во всех отрывках или только в относящихся к одной теме</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Все темы</translation>
    </message>
    <message>
        <source>Passages found</source>
        <translation>Найденные отрывки</translation>
    </message>
    <message>
        <source>This laptop&apos;s documents can still be searched:</source>
        <translation>Документы на этом компьютере по-прежнему можно искать:</translation>
    </message>
    <message>
        <source>search this laptop</source>
        <translation>искать на этом компьютере</translation>
    </message>
    <message>
        <source>the team search</source>
        <translation>поиск по архиву команды</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Где искать</translation>
    </message>
    <message>
        <source>Search this laptop&apos;s documents, or the team&apos;s whole archive on its server</source>
        <translation>Искать в документах на этом компьютере или во всём архиве команды на её сервере</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Team archive</source>
        <translation>Архив команды</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{where} — open the passage (Enter)</source>
        <translation>{where} — открыть фрагмент (Enter)</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <source>What each statement recommends, grouped by topic. Gathering them…</source>
        <translation>Рекомендации каждого заявления, сгруппированные по темам. Идёт сбор…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Search across every statement. For now, use Find in Document (Ctrl+F) to search the open statement.</source>
        <translation>Поиск по всем заявлениям. Пока что для поиска в открытом заявлении используйте «Найти в документе» (Ctrl+F).</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Your highlights and notes on the statements will be listed here.</source>
        <translation>Здесь будут перечислены ваши выделения и заметки к заявлениям.</translation>
    </message>
    <message>
        <source>Recommendations, search and notes</source>
        <translation>Рекомендации, поиск и заметки</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <source>Team: syncing…</source>
        <translation>Команда: синхронизация…</translation>
    </message>
    <message>
        <source>Team: synced at %1</source>
        <translation>Команда: синхронизировано в %1</translation>
    </message>
    <message>
        <source>Team: offline</source>
        <translation>Команда: нет связи</translation>
    </message>
    <message>
        <source>the sync</source>
        <translation>синхронизация</translation>
    </message>
    <message>
        <source>The team needs the user&apos;s database, not open.</source>
        <translation>Для команды нужна база данных пользователя, а она не открыта.</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>команда</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <source>Team server</source>
        <translation>Сервер команды</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Се&amp;рвер:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>&amp;Команда:</translation>
    </message>
    <message>
        <source>Connected as %1.</source>
        <translation>Подключено как %1.</translation>
    </message>
    <message>
        <source>Not connected: the library stays on this computer.</source>
        <translation>Не подключено: библиотека остаётся на этом компьютере.</translation>
    </message>
    <message>
        <source>Give the server and the team.</source>
        <translation>Укажите сервер и команду.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>Topics</name>
    <message>
        <source>Strategic stability &amp; arms control</source>
        <translation>Стратегическая стабильность и контроль над вооружениями</translation>
    </message>
    <message>
        <source>Missile defense</source>
        <translation>Противоракетная оборона</translation>
    </message>
    <message>
        <source>NATO, Russia &amp; European security</source>
        <translation>НАТО, Россия и европейская безопасность</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Украина</translation>
    </message>
    <message>
        <source>U.S.–Russia relations</source>
        <translation>Российско-американские отношения</translation>
    </message>
    <message>
        <source>Middle East &amp; Syria</source>
        <translation>Ближний Восток и Сирия</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>Кибербезопасность</translation>
    </message>
    <message>
        <source>Terrorism &amp; WMD</source>
        <translation>Терроризм и ОМУ</translation>
    </message>
    <message>
        <source>Non-proliferation &amp; nuclear security</source>
        <translation>Нераспространение и ядерная безопасность</translation>
    </message>
    <message>
        <source>Economy &amp; energy</source>
        <translation>Экономика и энергетика</translation>
    </message>
    <message>
        <source>Expert dialogue &amp; cooperation</source>
        <translation>Экспертный диалог и сотрудничество</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Topics of the Recommendation</source>
        <translation>Темы рекомендации</translation>
    </message>
    <message>
        <source>Main topic:</source>
        <translation>Основная тема:</translation>
    </message>
    <message>
        <source>Also about:</source>
        <translation>Также о:</translation>
    </message>
    <message>
        <source>Export Recommendations</source>
        <translation>Экспорт рекомендаций</translation>
    </message>
</context>
<context>
    <name>UserData</name>
    <message>
        <source>the user&apos;s database</source>
        <comment>what failed</comment>
        <translation>открытия базы данных пользователя</translation>
    </message>
</context>
</TS>
