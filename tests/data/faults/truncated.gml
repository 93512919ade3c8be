Creator "written by hand for coopmap's tests"
graph [
  directed 0
  node [ id 0 name "cite-rennes" label "Cité éducative de Rennes" type "cite" region "Bretagne" ]
  node [ id 1 name "cite-brest" label "Cité éducative de Brest" type "cite" region "Bretagne" ]
  node [ id 2 name "resovilles" label "Résovilles" type "crpv" region "Bretagne" ]
  node [ id 3 name "cite-caen" label "Cité éducative de Caen" type "cite" region "Normandie" ]
  no