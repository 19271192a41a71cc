# Extracts every message of the sources (tr, trf, the syntax error table's JX_ERROR) into
# po/jixiao.pot and merges it into po/zh_CN.po. Run through `cmake --build build --target pot`.
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.hpp)
list(SORT sources)
execute_process(
  COMMAND ${XGETTEXT} --language=C++ --from-code=UTF-8 --no-wrap --sort-by-file
          --package-name=jixiao --keyword= --keyword=tr --keyword=trf --keyword=JX_ERROR:3
          --keyword=N_ --flag=tr:1:no-c-format --flag=trf:1:no-c-format
          --flag=JX_ERROR:3:no-c-format --flag=N_:1:no-c-format
          --add-comments=TRANSLATORS: -o po/jixiao.pot ${sources}
  WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()
if(EXISTS ${SOURCE_DIR}/po/zh_CN.po)
  execute_process(COMMAND ${MSGMERGE} --quiet --no-wrap --no-fuzzy-matching --update --backup=none
                          po/zh_CN.po po/jixiao.pot
                  WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
  # Messages gone from the sources go from the catalog too.
  execute_process(COMMAND msgattrib --no-obsolete --no-wrap -o po/zh_CN.po po/zh_CN.po
                  WORKING_DIRECTORY ${SOURCE_DIR})
else()
  execute_process(COMMAND msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 -i po/jixiao.pot
                          -o po/zh_CN.po WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "merging the catalog failed")
endif()
